#!/bin/sh
# The interest-list model after --backend=bpf lost calls
# (tests/progs/lost_calls.c): the program registers pipes A and B and a
# ONESHOT eventfd E, reaps one event of E, and pauses; the test stops
# epolltrace (SIGSTOP), so that nothing reads the ring buffer, and lets
# the program flood it with changes of B, re-arm E, delete A, add C,
# change B and pause.  Once epolltrace runs again (SIGCONT) it must say
# that calls were lost, and that the model reads the lists again.  Then,
# in one run, the dump (SIGUSR1) must match the kernel's list and agree
# with /proc/PID/fdinfo; in another, without a dump (which would set the
# model right by itself), no warning may come in the program's last 300
# empty waits from what the model missed (E taken as never re-armed).
# Both ABIs; skipped where the eBPF backend cannot run.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/model-pause-lib.sh"

PER_ABI=8
plan $((2 * PER_ABI))

"$EPOLLTRACE" --backend=bpf -- true </dev/null 2>"$WORKDIR/why" >/dev/null
case $? in
0) BPF_WHY= ;;
78) BPF_WHY=$(sed 's/^epolltrace: //' "$WORKDIR/why") ;;
*) BPF_WHY="epolltrace --backend=bpf -- true failed: $(cat "$WORKDIR/why")" ;;
esac

# A ring that the flood fills while epolltrace is stopped, and that holds
# the program's last waits at once.
EPOLLTRACE_BPF_RING=131072
export EPOLLTRACE_BPF_RING

# One epoll_wait line returned the eventfd's event: the reader has it.
reaped_e() { grep -q 'epoll_wait(.*) *= 1$' "$1"; }

# lose_calls LABEL: starts lost_calls under epolltrace, stops epolltrace
# while the program changes its list, and lets it run again; one TAP
# line: the loss is told, and that the model reads the lists again.  Sets
# pid and epfd; fails (after its TAP line) when the program did not pause.
lose_calls() {
	if ! start_paused "$log" "$out" --backend=bpf --diagnose --dump -- "$prog"; then
		not_ok "$1: cannot start epolltrace with a fifo as stdin"
		return 1
	fi
	if ! await_pause 1 "$out" || ! wait_until reaped_e "$log"; then
		not_ok "$1: the program reaches its first pause, its wait traced"
		show_file "epolltrace's stderr" "$out.err"
		end_paused
		return 1
	fi
	pid=$(pause_value pid) epfd=$(pause_value epfd)
	kill -STOP "$TRACER_PID"
	resume
	await_pause 2 "$out"
	kill -CONT "$TRACER_PID"
	if grep -q '^pause 2 ' "$out" &&
	   wait_until grep -Eq "^epolltrace: pid $pid: the model missed its lost calls, so its interest lists are read again from /proc, and its diagnostics resume from there\$" "$out.err" &&
	   grep -Eq '^epolltrace: [1-9][0-9]* calls lost \(ring buffer full\)$' "$out.err"; then
		ok "$1: the loss is told, and that the model reads the lists again"
	else
		not_ok "$1: the loss is told, and that the model reads the lists again"
		show_file "epolltrace's stderr" "$out.err"
	fi
}

# finish LABEL: the program's last waits, and its exit status.
finish() {
	resume
	end_paused
	check_status "$1: the program exits 0" 0 "$RC"
	[ "$RC" = 0 ] || show_file "epolltrace's stderr" "$out.err"
}

lost_case() {
	abi=$1
	label="$abi lost calls"
	log=$WORKDIR/trace.log
	out=$WORKDIR/prog.out
	abi_prog lost_calls "$abi" $PER_ABI || return

	# The dump, which also makes the model take the kernel's lists over.
	if ! lose_calls "$label, then --dump"; then
		not_ok_n 3 "$label, then --dump: the program did not pause"
	else
		fdinfo_regs "$pid" "$epfd" >"$WORKDIR/kernel"
		if take_dump "$log" "$pid" "$epfd" 1; then
			grep -E ': model (matches|differs) ' "$WORKDIR/dump" >"$WORKDIR/dump.verdict"
			verdict_line "$pid" "$epfd" 3 >"$WORKDIR/want.verdict"
			compare_text "$label, then --dump: the dump's verdict" \
				"$WORKDIR/want.verdict" "$WORKDIR/dump.verdict"
			dump_regs "$WORKDIR/dump" >"$WORKDIR/dump.kernelform"
			compare_text "$label, then --dump: the dump agrees with /proc/PID/fdinfo/$epfd" \
				"$WORKDIR/kernel" "$WORKDIR/dump.kernelform"
		else
			not_ok_n 2 "$label, then --dump: no dump verdict came after SIGUSR1"
			show_file "the trace" "$log"
		fi
		finish "$label, then --dump"
	fi

	# No dump: the model has only the lists it read again.
	if ! lose_calls "$label, then waits"; then
		not_ok_n 3 "$label, then waits: the program did not pause"
		return
	fi
	finish "$label, then waits"
	if grep -q 'warning\[' "$log"; then
		not_ok "$label, then waits: no warning from what the model missed"
		grep 'warning\[' "$log" | diag
	else
		ok "$label, then waits: no warning from what the model missed"
	fi
	# Enough for a ONESHOT registration taken as disarmed to be called not re-armed.
	check "$label, then waits: the program's last waits are traced" \
		[ "$(grep -c 'epoll_wait(.*) *= 0$' "$log")" -ge 300 ]
}

for abi in $ABIS; do
	if [ -n "$BPF_WHY" ]; then
		skip_n $PER_ABI "$BPF_WHY"
		continue
	fi
	lost_case "$abi"
done
