#!/bin/sh
# A child stops itself with SIGSTOP and SIGTSTP and its parent continues
# it with SIGCONT (tests/progs/stop_continue.c).  The parent's waitpid must
# see it stopped and continued, the child must go on with its epoll calls,
# and nothing may be left stopped (HANG_GUARD turns that into a failure).
# The parent's SIGCHLD lines race with the child's lines, so the two tasks'
# lines are compared each in their own order.
. "$TESTS_SRCDIR/e2e/lib.sh"

NORMALISE_OPTS=--per-task
plan 6
check_program_in_each_abi stop_continue 0
