#!/bin/sh
# A multi-threaded program forks children with fork, vfork, clone and from
# a second thread (tests/progs/fork_children.c); every child makes epoll
# calls that must work, and the program's exit status (3) must come back
# as epolltrace's own.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
for abi in $ABIS; do
	if prog=$(prog_path fork_children $abi); then
		check_program "$abi fork_children" 3 "$prog"
	else
		skip_n 3 "$(missing_reason $abi)"
	fi
done
