#!/bin/sh
# -a and -s are bounded as strace bounds them (-a by INT_MAX, -s by
# UINT_MAX / 4), and the padding of a huge -a is written as it goes, never
# held in memory: with -a 2147483647, epolltrace's peak memory stays far
# below the 2 GB one line of padding takes.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6

# refused OPTION VALUE MAX: one TAP line, status 64 and the range named.
refused() {
	"$EPOLLTRACE" "$1" "$2" true </dev/null >/dev/null 2>"$WORKDIR/err"
	rf_rc=$?
	if [ $rf_rc = 64 ] &&
	   grep -qx "epolltrace: invalid $1 argument '$2': give a whole number from 0 to $3" \
		"$WORKDIR/err"; then
		ok "$1 $2 is refused"
	else
		not_ok "$1 $2 is refused"
		echo "exit status $rf_rc" | diag
		diag <"$WORKDIR/err"
	fi
}
refused -a 2147483648 2147483647
refused -s 1073741824 1073741823
run_epolltrace "$WORKDIR/trace" -qq -s 1073741823 -- "$PROGS_DIR/epoll_calls"
check_status "-s 1073741823 is accepted" 0 "$RC"

# Padding to column 2147483647 after the epoll_ctl line: the program then
# waits for its input, while the tracer's peak memory is read.
mkfifo "$WORKDIR/in" || exit 99
"$EPOLLTRACE" -qq -a 2147483647 -o /dev/null "$PROGS_DIR/line_loop" <"$WORKDIR/in" \
	>"$WORKDIR/out" 2>"$WORKDIR/err" &
TRACER_PID=$!
track $TRACER_PID
exec 8>"$WORKDIR/in"
wait_until grep -q '^ready' "$WORKDIR/out"
check "-a 2147483647: the program runs" grep -q '^ready' "$WORKDIR/out"
peak=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$TRACER_PID/status")
if [ -n "$peak" ] && [ "$peak" -lt 262144 ]; then
	ok "-a 2147483647: peak memory below 256 MB ($peak kB)"
else
	not_ok "-a 2147483647: peak memory below 256 MB (${peak:-unknown} kB)"
fi
echo quit >&8
exec 8>&-
await_exit $TRACER_PID
check_status "-a 2147483647: exit status" 0 "$RC"
