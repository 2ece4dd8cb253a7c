#!/bin/sh
# loop-blocked: a loop whose handler stops waiting is reported while it is
# away, with the call it is in (tests/progs/loop_blocked).  The program
# blocks until the test releases it, and the test releases it only once
# the warning is in the trace: so the warning came while it happened, and
# no timing is assumed.  Reading stdin in the handler, sleeping, receiving
# (on i386 through socketcall), waiting for a mutex, spinning on a spin
# lock and computing each fire; reading a
# blocking fd registered EPOLLET is et-blocking-fd; a healthy loop says
# nothing.  In both ABIs.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-blocked-lib.sh"

MODES="read et-read sleep recv mutex spin compute"
PER_ABI=16
plan $((2 * PER_ABI))

# expected MODE: the kind and what the warning says the thread is in.
expected() {
	case $1 in
	read) echo 'loop-blocked\]: pid [0-9]+ epfd [0-9]+: thread [0-9]+ has not waited on epfd [0-9]+ for [0-9]+ ms .*; it is in read\(0<' ;;
	et-read) echo 'et-blocking-fd\]: pid [0-9]+ epfd [0-9]+ fd 0: fd 0 is registered with EPOLLIN\|.*EPOLLET and blocking .*, and thread [0-9]+ has been blocked reading it for [0-9]+ ms, in read\(0<' ;;
	sleep) echo 'loop-blocked\]: .*; it is in (clock_)?nanosleep\(' ;;
	# On i386 through socketcall(2), named by the call it makes, as strace does.
	recv)
		if [ "$abi" = i386 ]; then
			echo 'loop-blocked\]: .*; it is in recv\(\.\.\.\)'
		else
			echo 'loop-blocked\]: .*; it is in recvfrom\([0-9]+<socket:\['
		fi ;;
	mutex) echo 'loop-blocked\]: .*; it is in futex\(' ;;
	spin | compute) echo 'loop-blocked\]: .*; it is running, in no system call' ;;
	esac
}

for abi in $ABIS; do
	abi_prog loop_blocked $abi $PER_ABI || continue
	for mode in $MODES; do
		run_mode $mode
		echo go >&7
		want="^epolltrace: warning\\[$(expected $mode)"
		if wait_until grep -Eq "$want" "$LOG"; then
			ok "$abi $mode: reported while the loop is blocked"
		else
			not_ok "$abi $mode: reported while the loop is blocked"
			echo "want a line matching: $want" | diag
			show_file "the trace" "$LOG"
		fi
		end_mode $mode
		check_status "$abi $mode: the program exits 0" 0 "$RC"
	done
	# A healthy loop: many short iterations, no warning.  A threshold well
	# above a busy machine's scheduling delays keeps the check about the
	# loop, not about the load.
	run_mode healthy --blocked-ms=1000
	for i in 1 2 3 4 5 6 7 8 9 10; do echo line $i >&7; done
	exec 7>&-
	await_exit "$TRACER_PID"
	check_status "$abi healthy: the program exits 0" 0 "$RC"
	if grep -q 'warning\[' "$LOG"; then
		not_ok "$abi healthy: no warning"
		grep 'warning\[' "$LOG" | diag
	else
		ok "$abi healthy: no warning"
	fi
done
