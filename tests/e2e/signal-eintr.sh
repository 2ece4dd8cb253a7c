#!/bin/sh
# A signal handler interrupts a sleeping epoll_wait, and signals left
# pending interrupt epoll_pwait and epoll_pwait2 (tests/progs/
# signal_eintr.c): the calls fail with EINTR, the handler runs (the program
# checks both), and the signal lines are strace's.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
check_program_in_each_abi signal_eintr 0
