#!/bin/sh
# Every epoll syscall with its success and error paths (tests/progs/
# epoll_calls.c), as an x86-64 and as an i386 program: epolltrace prints
# strace's lines and the program's calls behave as untraced.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
check_program_in_each_abi epoll_calls 0
