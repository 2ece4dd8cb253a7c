#!/bin/sh
# -y and -yy name an unlinked file as strace does, "4</tmp/x>(deleted)",
# a memfd too, and a file whose own name ends in " (deleted)" by that
# name while it exists (tests/progs/deleted_files.c); compared with strace.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 8
for abi in $ABIS; do
	abi_prog deleted_files $abi 4 || continue
	dir=$WORKDIR/$abi
	mkdir "$dir" || exit 99
	check_runs "$abi deleted_files" 0 "$WORKDIR/run.log" -qq -y -- "$prog" "$dir"
	compare_with_strace "$abi -y: unlinked files are strace's" -qq -y -- "$prog" "$dir"
	compare_with_strace "$abi -yy: unlinked files are strace's" -qq -yy -- "$prog" "$dir"
done
