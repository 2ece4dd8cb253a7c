#!/bin/sh
# epolltrace -p on processes it cannot trace: each case must get one line
# on stderr starting "epolltrace: " that says what is wrong, and its own
# exit status (cli/exit_codes.h): not a number 64, epolltrace itself 65,
# no such process 66, a zombie 69, already traced 75 (naming the tracer),
# permission denied 77 (saying the process belongs to another user).  In
# "-p GOOD,BAD" GOOD is still traced and the status is BAD's.
. "$TESTS_SRCDIR/e2e/lib.sh"

err=$WORKDIR/stderr

plan 27

# refused LABEL STATUS ERE ARGS...: two TAP lines: epolltrace ARGS exits
# with STATUS, and its stderr is one line starting "epolltrace: " that
# matches ERE.
refused() {
	label=$1
	want=$2
	ere=$3
	shift 3
	timeout $HANG_GUARD "$@" </dev/null >/dev/null 2>"$err"
	check_status "$label: exit status $want" "$want" $?
	message_is "$label" "$ere"
}

# message_is LABEL ERE: one TAP line: stderr is one "epolltrace: " line
# matching ERE.
message_is() {
	if [ "$(wc -l <"$err")" = 1 ] && grep -q '^epolltrace: ' "$err" &&
	   grep -Eq -- "$2" "$err"; then
		ok "$1: one line saying so"
		diag <"$err"
	else
		not_ok "$1: one line saying so"
		echo "want one line matching: $2" | diag
		show_file "stderr" "$err"
	fi
}

# gone_pid: prints the pid of a process that has exited and been reaped.
gone_pid() {
	true &
	gp_pid=$!
	wait $gp_pid
	[ ! -e "/proc/$gp_pid" ] && echo $gp_pid
}

# start_sleeper: a process to attach to, which does nothing; sets
# SLEEPER_PID.
start_sleeper() {
	sleep 3600 </dev/null >/dev/null 2>&1 &
	SLEEPER_PID=$!
	track $SLEEPER_PID
}

# has_tracer PID TRACER: /proc says TRACER traces PID.
has_tracer() { [ "$(tracer_of "/proc/$1")" = "$2" ]; }

for bad in abc 12x 0; do
	refused "-p $bad" 64 "invalid process ID '$bad'" "$EPOLLTRACE" -p "$bad"
done

# The shell's pid becomes epolltrace's with exec.
refused "-p its own pid" 65 "it is epolltrace itself" \
	sh -c 'exec "$0" -p $$' "$EPOLLTRACE"

gone=$(gone_pid)
refused "-p a pid that does not exist ($gone)" 66 "pid $gone: no such process" \
	"$EPOLLTRACE" -p "$gone"

# A zombie: the child of a process that never reaps it.  (A shell may reap
# a finished background job before it execs, hence python.)
python3 -c 'import os, time
child = os.fork()
if child == 0:
    os._exit(0)
print(child, flush=True)
time.sleep(3600)' </dev/null >"$WORKDIR/zombie" 2>&1 &
zombie_parent=$!
track $zombie_parent
if wait_until grep -q . "$WORKDIR/zombie" &&
   zombie=$(cat "$WORKDIR/zombie") &&
   wait_until eval '[ "$(proc_state /proc/$zombie)" = Z ]'; then
	refused "-p a zombie" 69 "pid $zombie: it is a zombie" "$EPOLLTRACE" -p "$zombie"
else
	skip_n 2 "could not make a zombie"
fi
kill -KILL $zombie_parent
await_exit $zombie_parent

# Already traced, by strace and by another epolltrace.
start_sleeper
if have_strace; then
	strace -o /dev/null -p $SLEEPER_PID 2>/dev/null &
	strace_pid=$!
	track $strace_pid
	if wait_until has_tracer $SLEEPER_PID $strace_pid; then
		refused "-p a process traced by strace" 75 \
			"already traced by pid $strace_pid \\(strace\\)" "$EPOLLTRACE" -p $SLEEPER_PID
	else
		skip_n 2 "strace did not attach"
	fi
	kill -TERM $strace_pid
	await_exit $strace_pid
	wait_until has_tracer $SLEEPER_PID 0
else
	skip_n 2 "strace is not installed"
fi
start_tracer "$WORKDIR/first.log" $SLEEPER_PID
if wait_until attached $SLEEPER_PID "$WORKDIR/first.log" &&
   wait_until has_tracer $SLEEPER_PID $TRACER_PID; then
	refused "-p a process traced by another epolltrace" 75 \
		"already traced by pid $TRACER_PID \\(epolltrace\\)" "$EPOLLTRACE" -p $SLEEPER_PID
else
	not_ok "a first epolltrace attaches"
	show_file "its stderr" "$WORKDIR/first.log.err"
	skip "no first tracer"
fi
kill -INT $TRACER_PID
await_exit $TRACER_PID
check_status "the first epolltrace detaches and exits 0" 0 "$RC"

# Permission denied: an unprivileged user against this test's process.
if nobody_can_run; then
	refused "-p another user's process" 77 "belongs to user root" \
		$AS_NOBODY "$NOBODY_EPOLLTRACE" -p $SLEEPER_PID
else
	skip_n 2 "$NOBODY_WHY"
fi
kill -KILL $SLEEPER_PID
await_exit $SLEEPER_PID

refused "-p and a command" 64 "both -p and a command" "$EPOLLTRACE" -p 1 -- true

# -p GOOD,BAD: GOOD is traced to the end, and the status is BAD's.
LOG=$WORKDIR/trace.log
gone=$(gone_pid)
if start_echo_server 1; then
	start_tracer "$LOG" "$SERVER_PID,$gone"
	wait_until attached "$SERVER_PID" "$LOG"
	check "-p GOOD,BAD: GOOD is attached" attached "$SERVER_PID" "$LOG"
	signal_server && wait_until server_acked
	check "-p GOOD,BAD: GOOD's epoll calls are traced" wait_until has_traced_lines "$LOG" 1
	kill -INT $TRACER_PID
	await_exit $TRACER_PID
	check_status "-p GOOD,BAD: after the detach, BAD's exit status" 66 "$RC"
	grep -v -e '^epolltrace: Process ' -e '^epolltrace: under ptrace ' "$LOG.err" >"$err"
	message_is "-p GOOD,BAD: BAD" "pid $gone: no such process"
	check_running_untraced "-p GOOD,BAD: GOOD runs on untraced" "$SERVER_PID"
	stop_echo_server
	check_status "-p GOOD,BAD: GOOD's handler got every SIGUSR1" "$USR1_SENT" "$SERVER_USR1"
else
	skip_n 6 "the echo server did not start"
fi
