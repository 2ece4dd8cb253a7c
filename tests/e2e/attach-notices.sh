#!/bin/sh
# What -p says on its own lines.  After the attach notice, one line says
# what attaching costs under ptrace.  At detach, every line that a detach
# ends ("<... epoll_wait resumed> <detached ...>") names its thread, as the
# lines before it did, even the last thread's, when no other is left
# traced; the log must be readable line by line.
. "$TESTS_SRCDIR/e2e/lib.sh"

ERR=$WORKDIR/trace.err
# Where the eBPF backend can run, the line points to it.
COST='^epolltrace: under ptrace every system call of a traced process stops, slowing it down until epolltrace detaches \(Ctrl-C, or --duration=SEC\)(; --backend=bpf does not stop it)?$'

plan 10

# Two workers and the main thread, each blocked in its own epoll_wait.
start_echo_server 2 || { not_ok "the echo server starts"; exit 1; }

# waiting_threads N: stderr shows waits of N threads.
waiting_threads() {
	[ "$(sed -n 's/^\[pid  *\([0-9]*\)\] epoll_wait(.*/\1/p' "$ERR" | sort -u | wc -l)" -ge "$1" ]
}

# no_cost_line: the cost is not told.
no_cost_line() { ! grep -q 'under ptrace' "$ERR"; }

# attach OPTIONS...: epolltrace OPTIONS -p SERVER_PID in the background,
# its stderr in ERR; sets TRACER_PID.  ERR is emptied first: the shell's
# child empties it only once it runs, and the last run's lines must not
# pass for this one's, or the SIGINT that follows could come before
# epolltrace watches for it (and kill the child, status 130, or be lost).
attach() {
	: >"$ERR"
	"$EPOLLTRACE" "$@" -p "$SERVER_PID" </dev/null 2>"$ERR" &
	TRACER_PID=$!
	track $TRACER_PID
}

attach
if wait_until waiting_threads 3; then
	ok "the three threads' waits are traced"
else
	not_ok "the three threads' waits are traced"
	show_file "epolltrace's stderr" "$ERR"
fi
check "the line after the attach notice says what attaching costs" \
	sh -c "sed -n 2p '$ERR' | grep -Eq '$COST'"
kill -INT "$TRACER_PID"
await_exit "$TRACER_PID"
check_status "SIGINT detaches" 0 "$RC"
grep '<detached \.\.\.>' "$ERR" >"$WORKDIR/detached"
check "each thread's wait is ended by the detach" test "$(wc -l <"$WORKDIR/detached")" = 3
if grep -qv '^\[pid  *[0-9][0-9]*\] ' "$WORKDIR/detached"; then
	not_ok "each such line names its thread"
	show_file "lines ended by the detach" "$WORKDIR/detached"
else
	ok "each such line names its thread"
fi
stop_echo_server

start_echo_server 1 || { not_ok "the echo server starts again"; exit 1; }
attach -q
wait_until waiting_threads 2
kill -INT "$TRACER_PID"
await_exit "$TRACER_PID"
check_status "-q: SIGINT detaches" 0 "$RC"
check "-q: no word of the cost" no_cost_line
stop_echo_server

# The eBPF backend stops no call: no word of ptrace's cost, where it can run.
"$EPOLLTRACE" --backend=bpf -- true </dev/null >/dev/null 2>"$ERR"
if [ $? = 78 ]; then
	skip_n 3 "--backend=bpf cannot run here: $(cat "$ERR")"
else
	start_echo_server 1 || { not_ok "the echo server starts a third time"; exit 1; }
	attach --backend=bpf
	# The server idles: no record of its calls may be what writes the notice.
	if wait_until grep -q "^epolltrace: Process $SERVER_PID attached" "$ERR"; then
		ok "--backend=bpf: the attach notice comes while the server idles"
	else
		not_ok "--backend=bpf: the attach notice comes while the server idles"
		show_file "epolltrace's stderr" "$ERR"
	fi
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "--backend=bpf: SIGINT detaches" 0 "$RC"
	check "--backend=bpf: no word of ptrace's cost" no_cost_line
	stop_echo_server
fi
