#!/bin/sh
# The trace cannot be written (-o /dev/full, or standard error on it):
# epolltrace says so once, the command runs to its end as untraced, and
# epolltrace exits 74 with a line giving the command's own status.  Under
# -p it detaches, leaving the process running, and exits 74.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 17
if [ ! -c /dev/full ]; then
	skip_n 17 "no /dev/full"
	exit 0
fi
LOST="epolltrace: cannot write the trace to '/dev/full': No space left on device"

# lost_run LABEL STATUS-LINE OPTIONS -- COMMAND...: two TAP lines, the
# exit status 74 and the two lines on stderr.
lost_run() {
	lr_label=$1
	lr_end=$2
	shift 2
	timeout $HANG_GUARD "$EPOLLTRACE" -o /dev/full "$@" </dev/null 2>"$WORKDIR/err"
	check_status "$lr_label: exit status" 74 "$?"
	printf '%s\n%s\n' "$LOST" "epolltrace: the trace is incomplete; $lr_end" >"$WORKDIR/want"
	compare_text "$lr_label: what it says" "$WORKDIR/want" "$WORKDIR/err"
}

for abi in $ABIS; do
	abi_prog exit_status $abi 6 || continue
	lost_run "$abi -o /dev/full" "the command exited with 3" -- "$prog" exit 3
	lost_run "$abi --json -o /dev/full" "the command exited with 0" --json -- "$prog" exit 0
	lost_run "$abi -c -o /dev/full" "the command was killed by SIGTERM" -c -- "$prog" signal 15
done

# The trace on standard error: its message is lost with it, not the status.
prog=$PROGS_DIR/exit_status
timeout $HANG_GUARD "$EPOLLTRACE" -qq "$prog" exit 5 </dev/null 2>/dev/full
check_status "stderr on /dev/full: exit status" 74 "$?"

# -p: nobody can read the trace, so epolltrace lets the process go.
mkfifo "$WORKDIR/in" || exit 99
"$PROGS_DIR/line_loop" <"$WORKDIR/in" >"$WORKDIR/out" 2>"$WORKDIR/loop.err" &
LOOP_PID=$!
track $LOOP_PID
exec 8>"$WORKDIR/in"
wait_until grep -q '^ready' "$WORKDIR/out"
timeout $HANG_GUARD "$EPOLLTRACE" -o /dev/full -p "$LOOP_PID" </dev/null 2>"$WORKDIR/p.err"
check_status "-p -o /dev/full: exit status" 74 "$?"
if grep -qxF "$LOST" "$WORKDIR/p.err" &&
   grep -qx "epolltrace: the trace is incomplete" "$WORKDIR/p.err"; then
	ok "-p -o /dev/full: what it says"
else
	not_ok "-p -o /dev/full: what it says"
	diag <"$WORKDIR/p.err"
fi
echo "after" >&8
if wait_until grep -qx after "$WORKDIR/out"; then
	ok "-p -o /dev/full: the process goes on"
else
	not_ok "-p -o /dev/full: the process goes on"
fi
check_running_untraced "-p -o /dev/full: the process is left untraced" "$LOOP_PID"
exec 8>&-
await_exit "$LOOP_PID"
