#!/bin/sh
# The interest-list model of --diagnose when the list changes through
# io_uring (tests/progs/uring_epoll_ctl.c): IORING_OP_EPOLL_CTL requests
# ADD two pipe read ends A and B and MOD B, with no epoll_ctl system
# call; a wait reports B, a last wait reports A, and A is deleted through
# io_uring.  The program pauses after the ADDs and the MOD (before any
# wait, so only the resync after io_uring_enter can have told the model),
# after the first wait, and after the DEL; at each pause the test checks
# /proc/PID/fdinfo, sends SIGUSR1 to epolltrace --diagnose --dump and
# checks the dump: every line (events, data, reported count), the verdict
# "model matches the kernel", and that it lists what fdinfo lists.  Then:
# the exit status is the program's (0, as untraced); no warning (a model
# that missed the io_uring registrations would see stale events or take
# them for unknown ones); no epoll_ctl was traced; and the dump at the
# exit lists B as the process left it.  In both ABIs; skipped where
# io_uring is unavailable (the program says why).
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/model-pause-lib.sh"

# TAP lines per ABI: 1 untraced, 3 pauses of 4, 5 at the end.
PER_ABI=18
plan $((2 * PER_ABI))

EV_A=EPOLLIN\|EPOLLERR\|EPOLLHUP
EV_B=EPOLLIN\|EPOLLERR\|EPOLLHUP\|EPOLLRDHUP
# The same, as the kernel's mask: EPOLLIN|EPOLLERR|EPOLLHUP, |EPOLLRDHUP.
MASK_A=25
MASK_B=8217

uring_case() {
	abi=$1
	prog=$2
	label="$abi io_uring"
	log=$WORKDIR/trace.log
	out=$WORKDIR/prog.out

	printf '\n\n\n' | timeout $HANG_GUARD "$prog" >"$WORKDIR/untraced.out" 2>"$WORKDIR/untraced.err"
	RC=$?
	reason=$(sed -n 's/^skip: //p' "$WORKDIR/untraced.out")
	if [ "$RC" = 0 ] && [ -n "$reason" ]; then
		skip_n $PER_ABI "$reason"
		return
	fi
	check_status "$label: exit status untraced" 0 "$RC"
	[ "$RC" = 0 ] || show_file "its stderr" "$WORKDIR/untraced.err"

	if ! start_paused "$log" "$out" --diagnose --dump -- "$prog"; then
		not_ok_n $((PER_ABI - 1)) "$label: cannot start epolltrace with a fifo as stdin"
		return
	fi
	pid= epfd= a= b=
	for k in 1 2 3; do
		if ! await_pause $k "$out"; then
			not_ok_n 4 "$label: pause $k: the program reaches it under epolltrace"
			show_file "epolltrace's stderr" "$out.err"
			continue
		fi
		pid=$(pause_value pid) epfd=$(pause_value epfd) a=$(pause_value a) b=$(pause_value b)
		name_a=$(fd_link "$pid" "$a") name_b=$(fd_link "$pid" "$b")
		data_a=$(printf 'a11a%012x' "$a")
		data_b=$(printf 'b22b%012x' "$b")
		# What the program registered, and what the dump must say of it.
		: >"$WORKDIR/want.kernel"
		: >"$WORKDIR/want.dump"
		case $k in
		1) reported_a=0 reported_b=0 n=2 ;;
		2) reported_a=0 reported_b=1 n=2 ;;
		3) reported_a= reported_b=1 n=1 ;;
		esac
		if [ -n "$reported_a" ]; then
			echo "$a $MASK_A $data_a" >>"$WORKDIR/want.kernel"
			reg_line "$pid" "$epfd" "$a" "$name_a" "$EV_A" "$data_a" "$reported_a" \
				>>"$WORKDIR/want.dump"
		fi
		echo "$b $MASK_B $data_b" >>"$WORKDIR/want.kernel"
		reg_line "$pid" "$epfd" "$b" "$name_b" "$EV_B" "$data_b" "$reported_b" \
			>>"$WORKDIR/want.dump"
		verdict_line "$pid" "$epfd" $n >>"$WORKDIR/want.dump"
		sort -n -o "$WORKDIR/want.kernel" "$WORKDIR/want.kernel"
		check_pause "$label: pause $k" "$log" "$pid" "$epfd" $k \
			"$WORKDIR/want.kernel" "$WORKDIR/want.dump"
		resume
	done
	end_paused
	check_status "$label: exit status under epolltrace --diagnose --dump" 0 "$RC"
	[ "$RC" = 0 ] || show_file "epolltrace's stderr" "$out.err"
	touch "$log"

	# A trace without the waits would have no warning either.
	waits=$(grep -Ec "${TID_PREFIX}epoll_wait\\($epfd, \\[\\{events=EPOLLIN, data=0x" "$log")
	if grep 'warning\[' "$log" >"$WORKDIR/warnings"; then
		not_ok "$label: no warning"
		diag <"$WORKDIR/warnings"
	elif [ "$waits" != 2 ] ||
	     ! grep -qx 'epolltrace: diagnostics: no event-loop problems found' "$log"; then
		not_ok "$label: no warning"
		echo "want the 2 waits with their event and the no-problems line" | diag
		show_file "the trace" "$log"
	else
		ok "$label: no warning"
	fi

	# The list changed only through io_uring: a traced epoll_ctl would mean
	# that the program no longer tests what it should.
	check "$label: no epoll_ctl system call was made" \
		[ "$(grep -Ec "${TID_PREFIX}epoll_ctl\\(" "$log")" = 0 ]

	# At the exit, --dump shows B as the process left it, and nothing else
	# (no verdict: the process is gone).
	after_last_verdict "$log" >"$WORKDIR/exit.dump"
	reg_line "$pid" "$epfd" "$b" "the process has exited" "$EV_B" "$data_b" 1 \
		>"$WORKDIR/want.exit"
	compare_text "$label: the dump at the exit lists B as the process left it" \
		"$WORKDIR/want.exit" "$WORKDIR/exit.dump"

	check "$label: the program's stdout has its three pauses only" only_pauses 3 "$out"
}

for abi in $ABIS; do
	if prog=$(prog_path uring_epoll_ctl $abi); then
		uring_case $abi "$prog"
	else
		skip_n $PER_ABI "$(missing_reason $abi)"
	fi
done
