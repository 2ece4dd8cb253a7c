#!/bin/sh
# Node.js (libuv) as server and client in one process under epolltrace
# --diagnose: 200 HTTP requests, each on its own connection (agent:
# false), 20 at a time (tests/loops/node_self_http.js).  One loop accepts
# and connects, and closes both ends of each connection, often in the
# batch that reported them: libuv deletes a closing fd's registration
# before it closes it and drops the events of fds it closed in the same
# batch, so --diagnose must say nothing (closed-while-registered and
# stale-event were seen here in some runs).  Three runs, since the
# interleaving varies.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"

RUNS=3
plan $((RUNS * 3))

if ! need node; then
	skip_n $((RUNS * 3)) "$NEED_WHY"
	exit 0
fi
run=1
while [ $run -le $RUNS ]; do
	label="node server and client in one process, run $run"
	log=$WORKDIR/trace$run.log
	env -u UV_USE_IO_URING timeout $HANG_GUARD "$EPOLLTRACE" --diagnose -f -o "$log" -- \
		node "$LOOPS_DIR/node_self_http.js" 200 20 </dev/null >"$WORKDIR/out" 2>"$WORKDIR/err"
	check_status "$label: exit status" 0 $?
	if [ "$(cat "$WORKDIR/out")" = "ok 200" ]; then
		ok "$label: 200 requests answered"
	else
		not_ok "$label: 200 requests answered"
		show_file "stdout" "$WORKDIR/out"
		show_file "stderr" "$WORKDIR/err"
	fi
	check_no_warnings "$label: --diagnose says nothing of a correct loop" "$log"
	run=$((run + 1))
done
