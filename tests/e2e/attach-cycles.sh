#!/bin/sh
# Issue 3's "done when": 100 attach/detach cycles in a row against the busy
# 4-thread echo server (tests/progs/echo_server) while a client checks
# every reply.  Each cycle attaches, waits for the first traced line, sends
# SIGUSR1 and waits until the server's handler acknowledges it, sends one
# more SIGUSR1 immediately followed by the detaching signal (SIGINT,
# SIGTERM, SIGHUP and SIGQUIT in turn) so that it may arrive while a thread
# is in a ptrace stop, and then checks that epolltrace exited 0, that no
# thread is left traced or stopped and that the racing SIGUSR1 was
# handled; one more SIGUSR1 goes between cycles, untraced.  At the end the
# client must have seen no failed or wrong reply and the server's handler
# must have counted every SIGUSR1.  The loop stops at the first failing
# cycle, with its details.
. "$TESTS_SRCDIR/e2e/lib.sh"

CYCLES=${ATTACH_CYCLES:-100}
WORKERS=4
CONNECTIONS=4
LOG=$WORKDIR/trace.log
DETACH_SIGNALS="INT TERM HUP QUIT"

plan 7

# fatal WHAT: the remaining checks cannot run.
fatal() {
	not_ok "$1"
	show_file "server's stderr" "$WORKDIR/server.err"
	show_file "client's stderr" "$WORKDIR/client.err"
	exit 1
}

# nth_signal N: the detaching signal of cycle N.
nth_signal() {
	set -- $(($1 % 4 + 1)) $DETACH_SIGNALS
	shift "$1"
	echo "$1"
}

# cycle N: one attach/detach cycle; fails with FAILED saying what went
# wrong.
cycle() {
	sig=$(nth_signal "$1")
	rm -f "$LOG" "$LOG.err"
	start_tracer "$LOG" "$SERVER_PID"
	if ! wait_until has_traced_lines "$LOG" 1; then
		FAILED="no traced line appeared"
		kill -KILL "$TRACER_PID"
		await_exit "$TRACER_PID"
		return 1
	fi
	signal_server
	if ! wait_until server_acked; then
		FAILED="a SIGUSR1 sent while traced was not handled"
		return 1
	fi
	signal_server
	detach_cleanly "$sig" "$SERVER_PID" || return 1
	if ! wait_until server_acked; then
		FAILED="the SIGUSR1 sent just before SIG$sig was not handled"
		return 1
	fi
	signal_server
	if ! wait_until server_acked; then
		FAILED="a SIGUSR1 sent between cycles was not handled"
		return 1
	fi
	if ended "$CLIENT_PID"; then
		FAILED="the client has exited"
		return 1
	fi
}

start_echo_server $WORKERS || fatal "the echo server starts"
start_echo_client $CONNECTIONS || fatal "the echo client connects"
wait_until client_replies_above 0 || fatal "the client gets replies"
before=$(client_replies)

started=$(date +%s)
n=0
FAILED=
while [ $n -lt "$CYCLES" ] && cycle $n; do
	n=$((n + 1))
done
elapsed=$(($(date +%s) - started))
if [ $n = "$CYCLES" ]; then
	ok "$CYCLES attach/detach cycles: epolltrace exits 0 and leaves no thread traced or stopped"
else
	not_ok "$CYCLES attach/detach cycles: epolltrace exits 0 and leaves no thread traced or stopped"
	echo "cycle $n (detached with SIG$(nth_signal $n)): $FAILED" | diag
	show_file "epolltrace's stderr" "$LOG.err"
	show_file "log (start)" "$LOG"
	echo "log (end):" | diag
	tail -n 20 "$LOG" | diag
fi
check_running_untraced "after the cycles no server thread is traced or stopped" "$SERVER_PID"

after=$(client_replies)
if [ -n "$after" ] && [ "$after" -gt "$before" ]; then
	ok "the client got replies during the cycles ($before before, $after after)"
else
	not_ok "the client got replies during the cycles ($before before, '$after' after)"
fi

stop_echo_client
check_status "the client saw no failed or wrong reply (exit status)" 0 "$CLIENT_RC"
[ "$CLIENT_RC" = 0 ] || show_file "client's stderr" "$WORKDIR/client.err"

stop_echo_server
check_status "the server exits 0 on SIGTERM" 0 "$SERVER_RC"
[ "$SERVER_RC" = 0 ] || show_file "server's stderr" "$WORKDIR/server.err"
check_status "the server's handler counted every SIGUSR1 sent" "$USR1_SENT" "$SERVER_USR1"
check_status "every SIGUSR1 was acknowledged one by one" "$USR1_SENT" \
	"$(grep -c '^usr1 [0-9]*$' "$WORKDIR/server.out")"

echo "cycles=$n replies=$CLIENT_REPLIES usr1 sent=$USR1_SENT received=$SERVER_USR1 seconds=$elapsed" | diag
