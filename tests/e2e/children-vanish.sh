#!/bin/sh
# --children of a parent whose children come and go without pause
# (tests/progs/fork_churn: 16 at a time, each living up to 3 ms, reaped
# every millisecond, so that some are zombies): a descendant that exits,
# or is a zombie, by the time epolltrace attaches to it after /proc listed
# it is skipped without a word, as strace skips a thread that vanished.
# CYCLES attaches, each ended by SIGINT: epolltrace exits 0 with no
# "cannot attach" line and leaves the parent untraced.  In both ABIs.
# Since the moment is rare, it is also made: strace, tracing epolltrace
# alone, makes the PTRACE_SEIZE of a descendant fail with ESRCH.
. "$TESTS_SRCDIR/e2e/lib.sh"

CYCLES=${CHILDREN_CYCLES:-20}
plan 7

LOG=$WORKDIR/trace.log

# cycle: one attach with --children and its detach; fails with FAILED saying why.
cycle() {
	rm -f "$LOG" "$LOG.err"
	start_tracer "$LOG" "$PID" --children
	if ! wait_until attached "$PID" "$LOG"; then
		FAILED="epolltrace did not attach"
		kill -KILL "$TRACER_PID"
		await_exit "$TRACER_PID"
		return 1
	fi
	detach_cleanly
	if grep '^epolltrace: cannot attach' "$LOG.err" >"$WORKDIR/complaints"; then
		FAILED="exit status $RC, and: $(head -n 3 "$WORKDIR/complaints" | tr '\n' ';')"
		return 1
	fi
	[ -z "$FAILED" ]
}

cycles_in_each_abi fork_churn "$CYCLES" \
	"$CYCLES times --children of a parent whose children come and go: no word of those that ended, exit status 0"

# The 3rd ptrace call is the seize of the first child: the parent's seize
# and interrupt come before it.  epolltrace writes its pid, for SIGINT.
name="--children: a child gone at its seize (ESRCH) is skipped without a word"
if ! have_strace; then
	skip "$name: no strace"
	exit 0
fi
sh -c 'sleep 600 & sleep 600 & echo ready; wait' </dev/null >"$WORKDIR/out" &
PID=$!
track $PID
wait_until grep -qx ready "$WORKDIR/out"
two_children() { test "$(wc -w <"/proc/$PID/task/$PID/children")" = 2; }
wait_until two_children
kids=$(cat "/proc/$PID/task/$PID/children")
for kid in $kids; do
	track $kid
done
rm -f "$WORKDIR/pid" "$LOG.err"
# LeakSanitizer's own ptrace would meet strace's.
ASAN_OPTIONS=detect_leaks=0 strace -qq -o /dev/null -e trace=ptrace -e inject=ptrace:error=ESRCH:when=3 \
	sh -c 'echo $$ >"$0"; exec "$@"' "$WORKDIR/pid" \
	"$EPOLLTRACE" -o "$LOG" --children -p "$PID" </dev/null 2>"$LOG.err" &
strace_pid=$!
track $strace_pid
two_attached() { test "$(grep -c ' attached$' "$LOG.err")" -ge 2; }
wait_until two_attached
kill -INT "$(cat "$WORKDIR/pid")"
await_exit $strace_pid
if [ "$RC" = 0 ] && ! grep -q '^epolltrace: cannot attach' "$LOG.err" &&
   [ "$(grep -c ' attached$' "$LOG.err")" = 2 ]; then
	ok "$name"
else
	not_ok "$name"
	echo "exit status $RC" | diag
	show_file "epolltrace's stderr" "$LOG.err"
fi
kill $kids
await_exit $PID
