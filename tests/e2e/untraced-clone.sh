#!/bin/sh
# A child made by clone with CLONE_UNTRACED is followed all the same, so its
# epoll call works and is shown (tests/progs/untraced_clone.c; clone3's
# cases are clone3-untraced.sh's).
# strace cannot follow them, so there is no reference output to compare.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
for abi in $ABIS; do
	if ! prog=$(prog_path untraced_clone $abi); then
		skip_n 3 "$(missing_reason $abi)"
		continue
	fi
	# Under epolltrace, any ENOSYS would change the status.
	check_runs "$abi" 0 "$WORKDIR/log" -qq -- "$prog"
	check "$abi: the child's epoll_create1 line is shown" \
		grep -q 'epoll_create1(0) *= [0-9]' "$WORKDIR/log"
done
