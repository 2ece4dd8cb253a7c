#!/bin/sh
# The interest-list model of --diagnose against the kernel, on real event
# loops that epolltrace -p joins in the middle of their life: an asyncio
# echo server (tests/loops/asyncio_echo.py) with 1000 client connections,
# then a Node.js HTTP server (tests/loops/node_http.js) with 200, each
# started untraced.  While traced, every connection exchanges messages
# (each reply checked byte for byte by tests/loops/load_client.py), some
# close and new ones open; once the client is done and the server idle
# (tests/loops/loop_idle.py, from /proc), SIGINT detaches, and the dump
# that --dump prints at the detach must list exactly what
# /proc/PID/fdinfo holds, every fd, events mask and data
# (interest_oracle.py --dump), each instance's verdict must say the model
# matches the kernel, and --diagnose must have found nothing to say about
# these correct loops.  The attach header is checked the same way, since
# the model starts from it.  Each step waits for a file or a /proc state,
# never a delay.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"

# TAP lines of one server's part.
PER_SERVER=15

plan $((2 * PER_SERVER))

# 1000 connections need more than the usual 1024 fds, in the server and in
# the client (both inherit this limit).
FD_LIMIT=4096
fd_limit_ok() {
	fl_now=$(ulimit -n)
	[ "$fl_now" = unlimited ] || [ "$fl_now" -ge $FD_LIMIT ] ||
		ulimit -n $FD_LIMIT 2>/dev/null
}

# detach_case KIND CONNECTIONS CLOSE REOPEN MESSAGES: PER_SERVER TAP lines.
detach_case() {
	kind=$1 n=$2 k=$3 r=$4 m=$5
	label="$kind, $n connections"
	dir=$WORKDIR/$kind
	log=$dir/trace.log
	case_start=$tap_count
	mkdir "$dir" || return 1

	launch_server "$kind" "$dir"
	ok_launched=$?
	SERVER_PID=$LAUNCHED_PID
	if [ $ok_launched -ne 0 ]; then
		loop_case_fatal "$label: the server starts untraced and listens" $PER_SERVER
		return
	fi
	ok "$label: the server starts untraced and listens"

	start_client "$kind-client" --proto "$(client_proto "$kind")" \
		--port-file "$dir/port" -c "$n" -m "$m" --close-midway "$k" --reopen "$r" \
		--ready-file "$dir/ready" --go-file "$dir/go" \
		--done-file "$dir/done" --hold-file "$dir/hold"
	if ! wait_file "$CLIENT_PID" "$dir/ready" ||
	   [ "$(counts_of "$dir/ready")" != "$(client_counts "$n" 0 0 "$n" "$n")" ]; then
		loop_case_fatal "$label: the client opens $n connections and gets a reply on each" \
			$PER_SERVER "client's counts: $(counts_of "$dir/ready")"
		return
	fi
	ok "$label: the client opens $n connections and gets a reply on each"
	check_idle "$label: the server is idle before the attach" "$pid" "$port" "$n"

	start_tracer "$log" "$pid" --diagnose --dump
	if ! wait_until attached "$pid" "$log"; then
		loop_case_fatal "$label: epolltrace -p --diagnose --dump attaches" $PER_SERVER
		return
	fi
	ok "$label: epolltrace -p --diagnose --dump attaches"

	# The header comes before the first call's line (the wait the attach
	# interrupted), which the server, idle, makes only then.
	if wait_until grep -Evq '^epolltrace: ' "$log"; then
		grep '^epolltrace: pid ' "$log" >"$dir/header"
		$PYTHON "$ORACLE" "$pid" "$dir/header" >"$WORKDIR/oracle" 2>&1
		check_status "$label: the attach header holds exactly what fdinfo holds" 0 $?
		diag <"$WORKDIR/oracle"
	else
		not_ok "$label: the attach header holds exactly what fdinfo holds"
		echo "no call was traced after the header" | diag
	fi

	: >"$dir/go"
	left=$((n - k + r))
	messages=$(((n - k + r) * m + k * (1 + (m - 1) / 2)))
	if wait_file "$CLIENT_PID" "$dir/done" &&
	   [ "$(counts_of "$dir/done")" = "$(client_counts $((n + r)) "$k" "$r" $messages $left)" ]; then
		ok "$label: traced, $messages messages answered, $k connections closed, $r opened"
	else
		not_ok "$label: traced, $messages messages answered, $k connections closed, $r opened"
		echo "client's counts: $(counts_of "$dir/done")" | diag
		echo "want: $(client_counts $((n + r)) "$k" "$r" $messages $left)" | diag
		show_loop_files
	fi
	check_idle "$label: the server is idle again, with $left connections" \
		"$pid" "$port" $left

	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "$label: SIGINT: epolltrace detaches and exits 0" 0 "$RC"
	[ "$RC" = 0 ] || show_file "epolltrace's stderr" "$log.err"
	check_running_untraced "$label: the server runs on, untraced" "$pid"

	# Each new connection is added, each closed one deleted, in the trace.
	check_traced "$label: the epoll calls of the traffic were traced" "$log" "$r" "$k"
	instances=$(eventpolls "$pid")
	if [ "$instances" -ge 1 ] && verdicts_at_least "$pid" "$log" "$instances"; then
		ok "$label: the dump at the detach has a verdict for each of the $instances instances"
	else
		not_ok "$label: the dump at the detach has a verdict for each of the $instances instances"
		echo "$(verdicts "$pid" "$log") verdict lines of pid $pid" | diag
		grep '^epolltrace: dump: ' "$log" | head -n 10 | diag
	fi
	check_dump "$label: the dump holds exactly what fdinfo holds; every verdict: matches" \
		"$pid" "$log"
	check_no_warnings "$label: --diagnose says nothing of a correct loop" "$log"

	: >"$dir/hold"
	await_exit "$CLIENT_PID"
	check_status "$label: the client got every reply right (exit status)" 0 "$RC"
	[ "$RC" = 0 ] || show_file "client's stderr" "$WORKDIR/$kind-client.err"

	kill -TERM "$SERVER_PID"
	await_exit "$SERVER_PID"
	check_status "$label: the server exits 0 on SIGTERM" 0 "$RC"
	[ "$RC" = 0 ] || show_file "server's stderr" "$WORKDIR/$kind-server.err"
}

if ! need python3; then
	skip_n $((2 * PER_SERVER)) "$NEED_WHY"
	exit 0
fi
if ! fd_limit_ok; then
	skip_n $((2 * PER_SERVER)) "cannot raise the fd limit (ulimit -n) to $FD_LIMIT"
	exit 0
fi

detach_case asyncio 1000 100 100 5

if need node; then
	detach_case node 200 20 20 5
else
	skip_n $PER_SERVER "$NEED_WHY"
fi
