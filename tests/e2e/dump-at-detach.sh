#!/bin/sh
# --dump at a detach, on a program that changes its interest list without
# pause: tests/progs/ctl_churn's four threads add and delete registrations
# while epolltrace -p --dump joins it and, once calls are traced, leaves it
# on SIGINT, CYCLES times.  The dump is taken while every thread stands
# still at its detach stop, so each verdict must say that the model
# matches the kernel (a dump after the detach races the threads, and
# differs).  No thread may be left traced or stopped, and every call of
# the program must succeed (its exit status).  In both ABIs.
. "$TESTS_SRCDIR/e2e/lib.sh"

CYCLES=${DUMP_CYCLES:-10}
PER_ABI=3
plan $((2 * PER_ABI))

LOG=$WORKDIR/trace.log

# verdicts WORD: the dump verdicts of PID in LOG that say WORD.
verdicts() { grep -Ec "^epolltrace: dump: pid $PID epfd [0-9]+: model $1 " "$LOG"; }

# cycle: one attach and detach with --dump; fails with FAILED saying why.
cycle() {
	rm -f "$LOG" "$LOG.err"
	start_tracer "$LOG" "$PID" --dump
	if ! wait_until has_traced_lines "$LOG" 50; then
		FAILED="no call was traced"
		kill -KILL "$TRACER_PID"
		await_exit "$TRACER_PID"
		return 1
	fi
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	if [ "$RC" != 0 ]; then
		FAILED="epolltrace exited with status $RC, want 0"
		return 1
	fi
	if ! running_untraced "$PID"; then
		FAILED="a thread is left traced or stopped: $(tr '\n' ';' <"$WORKDIR/task-states")"
		return 1
	fi
	if [ "$(verdicts '(matches|differs)')" != 1 ] || [ "$(verdicts matches)" != 1 ]; then
		FAILED="the dump's verdicts are not one that says 'matches': $(grep '^epolltrace: dump: .*: model ' "$LOG" | head -n 3 | tr '\n' ';')"
		return 1
	fi
}

for abi in $ABIS; do
	abi_prog ctl_churn $abi $PER_ABI || continue
	if ! start_stdin_prog; then
		skip_n $PER_ABI "ctl_churn did not start"
		continue
	fi
	check_cycles "$CYCLES" "$abi: $CYCLES detaches from threads that add and delete without pause: each dump says the model matches the kernel"
	check_running_untraced "$abi: no thread is left traced or stopped" "$PID"
	exec 7>&-
	await_exit "$PID"
	check_status "$abi: every call of the program succeeded (exit status)" 0 "$RC"
	[ "$RC" = 0 ] || show_file "the program's stderr" "$WORKDIR/err"
done
