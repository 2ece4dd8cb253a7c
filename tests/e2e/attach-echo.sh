#!/bin/sh
# epolltrace -p on a busy multi-threaded epoll echo server
# (tests/progs/echo_server) whose client (tests/progs/echo_client) checks
# every reply: the server's epoll calls appear, prefixed with its thread
# ids; SIGUSR1s sent while it is traced show in the log and reach the
# server's handler; SIGINT detaches, epolltrace exits 0, no thread is left
# stopped or traced, and the server goes on answering every request.
# Each step waits for a marker line or a /proc state, never a delay.
. "$TESTS_SRCDIR/e2e/lib.sh"

WORKERS=4
CONNECTIONS=4
TRACED_USR1=3
# Replies the client must check after the detach.
REPLIES_AFTER=1000
LOG=$WORKDIR/trace.log

plan 14

# fatal WHAT: the remaining checks cannot run.
fatal() {
	not_ok "$1"
	show_file "server's stderr" "$WORKDIR/server.err"
	show_file "client's stderr" "$WORKDIR/client.err"
	show_file "epolltrace's stderr" "$LOG.err"
	exit 1
}

start_echo_server $WORKERS || fatal "the echo server starts"
start_echo_client $CONNECTIONS || fatal "the echo client connects"
wait_until client_replies_above 0 || fatal "the client gets replies"
ok "the server answers a client"

# One signal untraced, to see the handler work at all.
signal_server && wait_until server_acked || fatal "the server acknowledges SIGUSR1"

start_tracer "$LOG" "$SERVER_PID"
if wait_until attached "$SERVER_PID" "$LOG" && wait_until has_traced_lines "$LOG" 5; then
	ok "epoll_wait/epoll_ctl lines appear in the log"
else
	not_ok "epoll_wait/epoll_ctl lines appear in the log"
	show_file "epolltrace's stderr" "$LOG.err"
	show_file "log" "$LOG"
fi

threads=$(ls /proc/"$SERVER_PID"/task | wc -l)
check "epolltrace says: Process $SERVER_PID attached with $threads threads" \
	grep -qx "epolltrace: Process $SERVER_PID attached with $threads threads" "$LOG.err"

# Every line names one of the server's threads (the attach header's lines,
# "epolltrace: ...", are another test's concern).
ls /proc/"$SERVER_PID"/task >"$WORKDIR/tids"
if awk 'NR == FNR { tid[$1] = 1; next }
	!/^epolltrace: / && !($1 in tid) { bad = 1; print }
	END { exit bad }' "$WORKDIR/tids" "$LOG" >"$WORKDIR/strangers"; then
	ok "every line of the log starts with a tid of the server"
else
	not_ok "every line of the log starts with a tid of the server"
	show_file "lines of other tids" "$WORKDIR/strangers"
fi

acked=0
i=0
while [ $i -lt $TRACED_USR1 ]; do
	signal_server && wait_until server_acked && acked=$((acked + 1))
	i=$((i + 1))
done
check_status "the server's handler runs for each SIGUSR1 sent while traced" \
	$TRACED_USR1 $acked

kill -INT "$TRACER_PID"
await_exit "$TRACER_PID"
check_status "SIGINT: epolltrace detaches and exits 0" 0 "$RC"
check "epolltrace says: Process $SERVER_PID detached" \
	grep -qx "epolltrace: Process $SERVER_PID detached" "$LOG.err"
check_running_untraced "no server thread is left traced or stopped" "$SERVER_PID"

usr1_lines=$(grep -Ec -- "$TID_PREFIX"'--- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=[0-9]+, si_uid=[0-9]+\} ---$' "$LOG")
check_status "the log shows each SIGUSR1 sent while traced" $TRACED_USR1 "$usr1_lines"

# The client goes on: it must check many more replies, all correct.
at_detach=$(client_replies)
if wait_until client_replies_above $((at_detach + REPLIES_AFTER)); then
	ok "the client gets $REPLIES_AFTER more replies after the detach"
else
	not_ok "the client gets $REPLIES_AFTER more replies after the detach"
fi
signal_server && wait_until server_acked
check "the server acknowledges a SIGUSR1 after the detach" server_acked

stop_echo_client
check_status "the client saw no failed or wrong reply (exit status)" 0 "$CLIENT_RC"
[ "$CLIENT_RC" = 0 ] || show_file "client's stderr" "$WORKDIR/client.err"
echo "replies=$CLIENT_REPLIES" | diag

stop_echo_server
check_status "the server exits 0 on SIGTERM" 0 "$SERVER_RC"
[ "$SERVER_RC" = 0 ] || show_file "server's stderr" "$WORKDIR/server.err"
check_status "the server's handler counted every SIGUSR1 ($USR1_SENT)" \
	"$USR1_SENT" "$SERVER_USR1"
