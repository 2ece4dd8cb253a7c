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
plan 6

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
	detach_cleanly || return 1
	if [ "$(verdicts '(matches|differs)')" != 1 ] || [ "$(verdicts matches)" != 1 ]; then
		FAILED="the dump's verdicts are not one that says 'matches': $(grep '^epolltrace: dump: .*: model ' "$LOG" | head -n 3 | tr '\n' ';')"
		return 1
	fi
}

cycles_in_each_abi ctl_churn "$CYCLES" \
	"$CYCLES detaches from threads that add and delete without pause: each dump says the model matches the kernel"
