#!/bin/sh
# --duration=SEC bounds an attach: epolltrace detaches by itself after SEC
# and exits 0, leaving the process running untraced, as Ctrl-C would.  It
# is refused with a command, which cannot run on untraced.
. "$TESTS_SRCDIR/e2e/lib.sh"

LOG=$WORKDIR/trace.log

plan 9

start_echo_server 2 || { not_ok "the echo server starts"; exit 1; }
start_tracer "$LOG" "$SERVER_PID" --duration=0.5
if wait_until attached "$SERVER_PID" "$LOG"; then
	ok "epolltrace attaches"
else
	not_ok "epolltrace attaches"
	show_file "its stderr" "$LOG.err"
fi
# Nobody signals it: only its own clock can end it before the hang guard.
await_exit "$TRACER_PID"
check_status "it detaches by itself and exits 0" 0 "$RC"
check "it says why" grep -qx "epolltrace: --duration=0.5 has passed: detaching" "$LOG.err"
check "it says it detached" grep -qx "epolltrace: Process $SERVER_PID detached" "$LOG.err"
check_running_untraced "the server runs on, untraced" "$SERVER_PID"
stop_echo_server
check_status "the server exits as if never traced" 0 "$SERVER_RC"

# -q keeps its notices quiet, as the attach notices.
start_echo_server 1 || { not_ok "the echo server starts again"; exit 1; }
"$EPOLLTRACE" -q -o "$LOG" --duration=0.2 -p "$SERVER_PID" </dev/null 2>"$LOG.err" &
TRACER_PID=$!
track $TRACER_PID
await_exit "$TRACER_PID"
check "-q: it detaches by itself silently" test "$RC" = 0 -a ! -s "$LOG.err"
stop_echo_server

check_usage_error "with a command it is refused, pointing to timeout(1)" \
	'^epolltrace: --duration goes with -p: .*timeout' "$EPOLLTRACE" --duration=1 -- true
check_usage_error "--duration=0 is refused" "^epolltrace: invalid --duration argument '0'" \
	"$EPOLLTRACE" --duration=0 -p 1
