#!/bin/sh
# Threads end while their process lives on (tests/progs/thread_exits.c);
# the last is joined just before the process's exit_group(3).  Each
# thread's "+++ exited with 0 +++" must come where it ended, before the
# main thread's next call, and not late with the process's status: a
# tracer that tells a thread's exit when it reaps it gets both wrong in
# most runs, so each ABI's program runs several times.
. "$TESTS_SRCDIR/e2e/lib.sh"

RUNS=5
plan 6

# The lines every run must print, pids replaced by T (a thread) and M.
expected() {
	for round in 0 1 2; do
		echo "T epoll_ctl(-1, EPOLL_CTL_DEL, $round, NULL) = -1 EBADF (Bad file descriptor)"
		echo "T +++ exited with 0 +++"
		echo "M epoll_ctl(-1, EPOLL_CTL_DEL, 10$round, NULL) = -1 EBADF (Bad file descriptor)"
	done
	echo "T epoll_ctl(-1, EPOLL_CTL_DEL, 3, NULL) = -1 EBADF (Bad file descriptor)"
	echo "T +++ exited with 0 +++"
	echo "M +++ exited with 3 +++"
}
expected >"$WORKDIR/expected"


for abi in $ABIS; do
	abi_prog thread_exits $abi 3 || continue
	run=0 bad_status= bad_lines=
	while [ $run -lt $RUNS ]; do
		run=$((run + 1))
		run_epolltrace "$WORKDIR/run.log" -q -e trace=epoll_ctl -- "$prog"
		[ "$RC" = 3 ] || bad_status="$bad_status $RC"
		main=$(awk '/DEL, 10[0-9],/ { print $1; exit }' "$WORKDIR/run.log")
		awk -v main="$main" '{ $1 = ($1 == main ? "M" : "T"); print }' \
			"$WORKDIR/run.log" | sed 's/  */ /g' >"$WORKDIR/exits"
		if ! diff -u "$WORKDIR/expected" "$WORKDIR/exits" >"$WORKDIR/diff.$abi"; then
			bad_lines=$run
			cp "$WORKDIR/diff.$abi" "$WORKDIR/bad.$abi"
		fi
	done
	check_status "$abi thread_exits: exit status in $RUNS runs" "" "$bad_status"
	if [ -z "$bad_lines" ]; then
		ok "$abi thread_exits: each thread's exit where it ended, with status 0, in $RUNS runs"
	else
		not_ok "$abi thread_exits: each thread's exit where it ended, with status 0, in $RUNS runs"
		diag <"$WORKDIR/bad.$abi"
	fi
	compare_with_strace "$abi thread_exits: output is strace's" -q -- "$prog"
done
