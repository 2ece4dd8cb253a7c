#!/bin/sh
# Every epoll syscall with its success and error paths (tests/progs/
# epoll_calls.c), as an x86-64 and as an i386 program: epolltrace prints
# strace's lines and the program's calls behave as untraced.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
for abi in $ABIS; do
	if prog=$(prog_path epoll_calls $abi); then
		check_program "$abi epoll_calls" 0 "$prog"
	else
		skip_n 3 "$(missing_reason $abi)"
	fi
done
