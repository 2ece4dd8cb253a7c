#!/bin/sh
# A signal handler interrupts a sleeping epoll_wait, and signals left
# pending interrupt epoll_pwait and epoll_pwait2 (tests/progs/
# signal_eintr.c): the calls fail with EINTR, the handler runs (the program
# checks both), and the signal lines are strace's.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
for abi in $ABIS; do
	if prog=$(prog_path signal_eintr $abi); then
		check_program "$abi signal_eintr" 0 "$prog"
	else
		skip_n 3 "$(missing_reason $abi)"
	fi
done
