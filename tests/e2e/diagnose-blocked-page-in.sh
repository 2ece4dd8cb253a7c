#!/bin/sh
# loop-blocked says nothing of a loop thread asleep in a page fault: the
# kernel reading its memory in (its code from disk at start-up, as once
# seen reported of Node under load, or a page from swap) is the machine's
# time, not the loop's.  tests/progs/loop_blocked page-in faults, in its
# handler, on a page of a FUSE file whose read the test holds: the thread
# sleeps in state D outside any system call, as on a slow disk.  It is
# left so for ten times --blocked-ms, enough to be reported were it the
# loop's (the threads in read, sleep, ... of diagnose-blocked.sh are).
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-blocked-lib.sh"

plan 3

abi_prog loop_blocked x86_64 3 || exit 0
run_mode page-in --blocked-ms=100
if [ -z "$PROG_PID" ]; then
	skip_n 3 "$(sed -n 's/^skip: //p' "$WORKDIR/out")"
	exec 7>&-
	await_exit "$TRACER_PID"
	exit 0
fi
echo go >&7

# The loop's thread (the program's main one) sleeps in the fault.
task=/proc/$PROG_PID/task/$PROG_PID
in_fault() { [ "$(proc_state "$task")" = D ] && [ "$(cut -d' ' -f1 "$task/syscall")" = -1 ]; }
if wait_until in_fault; then
	ok "the loop's thread sleeps in a page fault (state D, in no system call)"
else
	not_ok "the loop's thread sleeps in a page fault (state D, in no system call)"
	echo "state $(proc_state "$task"), syscall $(cat "$task/syscall")" | diag
fi
sleep 1
# What was said while it slept: its exit after may be slow (its mount
# namespace goes), which is not this test's business.
cp "$LOG" "$WORKDIR/while-in-fault.log"
end_mode page-in
check_status "the program exits 0" 0 "$RC"
if grep -q 'warning\[' "$WORKDIR/while-in-fault.log"; then
	not_ok "no warning of a loop asleep in a page fault"
	grep 'warning\[' "$WORKDIR/while-in-fault.log" | diag
else
	ok "no warning of a loop asleep in a page fault"
fi
