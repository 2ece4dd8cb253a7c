#!/bin/sh
# A multi-threaded program forks children with fork, vfork, clone and from
# a second thread (tests/progs/fork_children.c); every child makes epoll
# calls that must work, and the program's exit status (3) must come back
# as epolltrace's own.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
check_program_in_each_abi fork_children 3
