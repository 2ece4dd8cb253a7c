#!/bin/sh
# Children made with CLONE_UNTRACED (clone and clone3) are followed all the
# same, so their epoll calls work and are shown (tests/progs/untraced_clone.c).
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
	check "$abi: both children's epoll_create1 lines are shown" \
		test "$(grep -c 'epoll_create1(0) *= [0-9]' "$WORKDIR/log")" -eq 2
done
