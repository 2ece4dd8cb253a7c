#!/bin/sh
# A program executes another (tests/progs/exec_chain.c), from its only
# thread and from a second thread, which then takes over the leader's pid.
# The new image's epoll calls are traced and its exit status (5) is
# epolltrace's.  i386 programs execute i386 ones.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 12
for abi in $ABIS; do
	if ! chain=$(prog_path exec_chain $abi) ||
	   ! target=$(prog_path exec_target $abi); then
		skip_n 6 "$(missing_reason $abi)"
		continue
	fi
	for from in leader thread; do
		check_program "$abi exec from $from" 5 "$chain" $from "$target" 5
	done
done
