#!/bin/sh
# --backend=bpf against ptrace: the same programs print the same lines
# under both (pids normalised, a call split into <unfinished ...> and
# <... resumed> joined, since the backends see interleavings at different
# moments; an ignored SIGCHLD, which only ptrace sees, left out); a small
# ring buffer loses records and says how many, at once and in -c and
# --json; -p and SIGINT leave no program or map loaded and the server
# answering; an unprivileged user is refused bpf, and auto falls back to
# ptrace with a notice.
. "$TESTS_SRCDIR/e2e/lib.sh"

# Each program, with its arguments after colons.
PROGS="epoll_calls two_threads thread_exits signal_eintr fork_children exec_chain:thread:exec_target:5"
WAITS=200000

plan 23

bpf_why

# comparable LOG: normalised, each call on one line, without the lines
# only ptrace can see (an ignored SIGCHLD); each task's lines in their
# order, the tasks in the order of their lines (children run in either).
comparable() {
	normalise "$1" --per-task | perl -ne '
		next if /--- SIGCHLD /;
		my ($task, $text) = /^(\S+)\s+(.*)$/ or next;
		if ($text =~ /^(.*) <unfinished \.\.\.>$/) { $open{$task} = $1; next; }
		if ($text =~ /^<\.\.\. \w+ resumed>(.*)$/ && exists $open{$task}) {
			$text = delete($open{$task}) . $1;
		}
		$text =~ s/\s+= /= /;
		push @order, $task unless exists $lines{$task};
		$lines{$task} .= "$text\n";
		END { print for sort map { $lines{$_} } @order; }'
}

for abi in $ABIS; do
	for p in $PROGS; do
		args=$(echo "${p#*:}" | tr : " ")
		[ "$args" = "$p" ] && args=
		p=${p%%:*}
		name="$abi $p: --backend=bpf prints ptrace's lines, exits as it"
		if [ -n "$BPF_WHY" ]; then
			skip "$name: $BPF_WHY"
			continue
		fi
		if ! prog=$(prog_path $p $abi) || ! exec_target=$(prog_path exec_target $abi); then
			skip "$name: $(missing_reason $abi)"
			continue
		fi
		args=$(echo "$args" | sed "s|exec_target|$exec_target|")
		run_epolltrace "$WORKDIR/ptrace.log" -qq -- "$prog" $args
		ptrace_rc=$RC
		run_epolltrace "$WORKDIR/bpf.log" -qq --backend=bpf -- "$prog" $args
		bpf_rc=$RC
		comparable "$WORKDIR/ptrace.log" >"$WORKDIR/want"
		comparable "$WORKDIR/bpf.log" >"$WORKDIR/got"
		diff -u "$WORKDIR/want" "$WORKDIR/got" >"$WORKDIR/diff"
		diff_rc=$?
		if [ -s "$WORKDIR/want" ] && [ "$ptrace_rc" = "$bpf_rc" ] && [ $diff_rc = 0 ]; then
			ok "$name"
		else
			not_ok "$name"
			echo "exit status: ptrace $ptrace_rc, bpf $bpf_rc" | diag
			diag <"$WORKDIR/diff"
		fi
	done
done

# ---- lost records: a page of ring buffer cannot keep up with many_waits ----
if [ -n "$BPF_WHY" ]; then
	skip_n 4 "$BPF_WHY"
else
	EPOLLTRACE_BPF_RING=4096 timeout $HANG_GUARD "$EPOLLTRACE" --backend=bpf -c \
		-- "$PROGS_DIR/many_waits" $WAITS </dev/null >"$WORKDIR/lost.out" 2>"$WORKDIR/lost.err"
	check_status "a small ring buffer: many_waits exits 0" 0 $?
	told=$(sed -n 's/^epolltrace: \([0-9]*\) calls lost (ring buffer full)$/\1/p' \
		"$WORKDIR/lost.err" | awk '{ n += $1 } END { print n + 0 }')
	in_summary=$(sed -n 's/^epolltrace: \([0-9]*\) calls lost (ring buffer full), not counted above$/\1/p' \
		"$WORKDIR/lost.err")
	counted=$(awk '$NF == "total" { print $(NF - 1) }' "$WORKDIR/lost.err")
	if [ "$told" -gt 0 ] && [ "$told" = "$in_summary" ]; then
		ok "lost calls are told as they happen, and their sum in -c's summary"
	else
		not_ok "lost calls are told as they happen, and their sum in -c's summary"
		echo "told $told, in the summary '$in_summary'" | diag
		tail -n 20 "$WORKDIR/lost.err" | diag
	fi
	# epoll_create1 is the one other call.
	check_status "the calls counted and the calls lost add up to the calls made" \
		$((WAITS + 1)) $((${counted:-0} + ${in_summary:-0}))
	EPOLLTRACE_BPF_RING=4096 timeout $HANG_GUARD "$EPOLLTRACE" --backend=bpf -c --json \
		-- "$PROGS_DIR/many_waits" $WAITS </dev/null >"$WORKDIR/lost.json" 2>"$WORKDIR/lost.json.err"
	check "--json -c: the summary has calls_lost" \
		grep -Eq '"type":"summary".*"calls_lost":[1-9][0-9]*' "$WORKDIR/lost.json.err"
fi

# ---- -p: attach, detach, and nothing left loaded ----
# prog_ids PID: the ids of the eBPF programs PID holds descriptors of.
prog_ids() { cat /proc/"$1"/fdinfo/* 2>/dev/null | sed -n 's/^prog_id:[[:space:]]*//p' | sort -u; }
# none_loaded IDS: no program of these ids is loaded any more.
none_loaded() {
	for nl_id in $1; do
		bpftool prog show id "$nl_id" >/dev/null 2>&1 && return 1
	done
	return 0
}

if [ -n "$BPF_WHY" ]; then
	skip_n 5 "$BPF_WHY"
elif ! command -v bpftool >/dev/null 2>&1; then
	skip_n 5 "no bpftool to list the loaded programs"
else
	LOG=$WORKDIR/attach.log
	start_echo_server 2 && start_echo_client 2 && wait_until client_replies_above 0 ||
		{ not_ok "the echo server answers"; exit 1; }
	start_tracer "$LOG" "$SERVER_PID" --backend=bpf
	if wait_until grep -qx "epolltrace: Process $SERVER_PID attached with 3 threads (eBPF backend)" "$LOG.err" &&
	   wait_until has_traced_lines "$LOG" 5; then
		ok "-p --backend=bpf: the notice names the backend; the server's epoll calls appear"
	else
		not_ok "-p --backend=bpf: the notice names the backend; the server's epoll calls appear"
		show_file "epolltrace's stderr" "$LOG.err"
	fi
	ids=$(prog_ids "$TRACER_PID")
	check "while attached, epolltrace holds its programs by descriptor ($(echo $ids))" \
		[ -n "$ids" ]
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "SIGINT: epolltrace detaches and exits 0" 0 "$RC"
	if [ -n "$ids" ] && wait_until none_loaded "$ids"; then
		ok "after the detach none of its programs is loaded"
	else
		not_ok "after the detach none of its programs is loaded"
		bpftool prog show 2>&1 | diag
	fi
	before=$(client_replies)
	if wait_until client_replies_above "${before:-0}" && running_untraced "$SERVER_PID"; then
		ok "the server answers on, untraced and running"
	else
		not_ok "the server answers on, untraced and running"
	fi
	stop_echo_client
	stop_echo_server
fi

# ---- an unprivileged user ----
if ! nobody_can_run; then
	skip_n 2 "$NOBODY_WHY"
else
	$AS_NOBODY "$NOBODY_EPOLLTRACE" --backend=bpf -- true </dev/null 2>"$WORKDIR/nobody.err"
	rc=$?
	if [ $rc = 78 ] && grep -q '^epolltrace: --backend=bpf: .*; use --backend=ptrace$' "$WORKDIR/nobody.err"; then
		ok "nobody: --backend=bpf is refused with one line, exit 78"
	else
		not_ok "nobody: --backend=bpf is refused with one line, exit 78"
		echo "exit status $rc" | diag
		diag <"$WORKDIR/nobody.err"
	fi
	mkfifo "$WORKDIR/loop.in" && chmod 666 "$WORKDIR/loop.in"
	cp "$PROGS_DIR/line_loop" "$WORKDIR/line_loop" && chmod 755 "$WORKDIR/line_loop"
	$AS_NOBODY "$WORKDIR/line_loop" <"$WORKDIR/loop.in" >/dev/null 2>&1 &
	LOOP_PID=$!
	track $LOOP_PID
	exec 7>"$WORKDIR/loop.in"
	# Attached before setpriv has become the loop, it would be root's.
	wait_until grep -q '^Name:[[:space:]]*line_loop$' /proc/$LOOP_PID/status
	$AS_NOBODY "$NOBODY_EPOLLTRACE" --backend=auto -p $LOOP_PID \
		</dev/null >/dev/null 2>"$WORKDIR/auto.err" &
	AUTO_PID=$!
	track $AUTO_PID
	wait_until grep -q "^epolltrace: Process $LOOP_PID attached" "$WORKDIR/auto.err"
	kill -INT $AUTO_PID
	await_exit $AUTO_PID
	echo quit >&7
	exec 7>&-
	await_exit $LOOP_PID
	if grep -qx 'epolltrace: --backend=auto: using ptrace, since eBPF cannot run: it needs root (or CAP_BPF and CAP_PERFMON)' "$WORKDIR/auto.err" &&
	   grep -qx "epolltrace: Process $LOOP_PID attached" "$WORKDIR/auto.err"; then
		ok "nobody: --backend=auto -p falls back to ptrace with a notice, and attaches"
	else
		not_ok "nobody: --backend=auto -p falls back to ptrace with a notice, and attaches"
		diag <"$WORKDIR/auto.err"
	fi
fi
