#!/bin/sh
# "epolltrace -p PID &" from a script, then "kill -INT": the background
# job starts with SIGINT and SIGQUIT ignored, and epolltrace still detaches
# on them, as strace does, leaving the process running untraced.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 8

# untraced_and_running PID
untraced_and_running() { ! ended "$1" && [ "$(tracer_of "/proc/$1")" = 0 ]; }

for sig in INT QUIT; do
	sleep 600 </dev/null >/dev/null 2>&1 &
	target=$!
	track $target
	log=$WORKDIR/$sig.log
	# Started as a script starts a job: the shell sets SIGINT and SIGQUIT to
	# SIG_IGN (which "trap -p" cannot show, so it is checked in /proc).
	"$EPOLLTRACE" -o "$log" -p $target </dev/null 2>"$log.err" &
	tracer=$!
	track $tracer
	if wait_until attached $target "$log"; then
		ok "SIG$sig: epolltrace attaches"
	else
		not_ok "SIG$sig: epolltrace attaches"
		show_file "its stderr" "$log.err"
	fi
	kill -$sig $tracer
	await_exit $tracer
	check_status "SIG$sig: epolltrace detaches and exits 0" 0 "$RC"
	check "SIG$sig: it says so" grep -qx "epolltrace: Process $target detached" "$log.err"
	check "SIG$sig: the process runs on, untraced" untraced_and_running $target
	kill $target
	await_exit $target
done
