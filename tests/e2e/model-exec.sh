#!/bin/sh
# The interest-list model of --diagnose across execve
# (tests/progs/exec_cloexec.c): an instance created without EPOLL_CLOEXEC
# has two pipe read ends registered, C (O_CLOEXEC) and K (not), and the
# program executes itself; the new image inherits the instance and K,
# makes K readable, and its wait on the inherited instance reports K.
#
# Plain: the exec closes C, its file's last reference, so the kernel drops
# C's registration with it.  The man page (DIAGNOSTICS,
# closed-while-registered): "When the close dropped the last reference,
# the kernel removes the registration itself, and nothing is reported":
# no warning may appear.
#
# dup: C was dup()ed to D (no FD_CLOEXEC) before the exec, so the file
# lives on and the kernel keeps the registration under the number C,
# which the new image no longer has: a ghost, and exactly one
# warning[closed-while-registered] for fd C, "closed by execve (O_CLOEXEC)",
# printed at the exec (after the dump before it, before the new image's
# wait).
#
# Under epolltrace --diagnose --dump -f, the program pauses before the exec
# and in the new image after its wait; at each pause the test checks
# /proc/PID/fdinfo, sends SIGUSR1 and checks the dump: every line, the
# verdict "model matches the kernel", and that it lists what fdinfo lists.
# Also: the exit status is 0, as untraced, and the new image's wait was
# traced with K's event.  In both ABIs.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/model-pause-lib.sh"

# TAP lines per variant and ABI: 1 untraced, 2 pauses of 4, 4 at the end.
PER_CASE=13
plan $((2 * 2 * PER_CASE))

EV=EPOLLIN\|EPOLLERR\|EPOLLHUP
MASK=25

# want_pause K VARIANT: the expected fdinfo and dump of pause K, in
# $WORKDIR/want.kernel and want.dump, from PAUSE_LINE.
want_pause() {
	: >"$WORKDIR/want.kernel"
	: >"$WORKDIR/want.dump"
	data_c=$(printf 'c10e%012x' "$c")
	data_k=$(printf '4ee9%012x' "$k")
	n=1
	if [ "$1" = 1 ] || [ "$2" = dup ]; then
		n=2
		echo "$c $MASK $data_c" >>"$WORKDIR/want.kernel"
		if [ "$1" = 1 ]; then
			name_c="$(fd_link "$pid" "$c")"
		else
			name_c="ghost: fd $c no longer names the registered file"
		fi
		reg_line "$pid" "$epfd" "$c" "$name_c" "$EV" "$data_c" 0 >>"$WORKDIR/want.dump"
	fi
	echo "$k $MASK $data_k" >>"$WORKDIR/want.kernel"
	reg_line "$pid" "$epfd" "$k" "$(fd_link "$pid" "$k")" "$EV" "$data_k" $(($1 - 1)) \
		>>"$WORKDIR/want.dump"
	# Both lists come in fd order.
	sort -n -o "$WORKDIR/want.kernel" "$WORKDIR/want.kernel"
	sort -k8,8n -o "$WORKDIR/want.dump" "$WORKDIR/want.dump"
	verdict_line "$pid" "$epfd" $n >>"$WORKDIR/want.dump"
}

# check_warnings LABEL VARIANT LOG: one TAP line.
check_warnings() {
	grep 'warning\[' "$3" >"$WORKDIR/warnings"
	if [ "$2" = plain ]; then
		if [ -s "$WORKDIR/warnings" ] ||
		   ! grep -qx 'epolltrace: diagnostics: no event-loop problems found' "$3"; then
			not_ok "$1: no warning: the kernel dropped C's registration with its file"
			show_file "the trace" "$3"
		else
			ok "$1: no warning: the kernel dropped C's registration with its file"
		fi
		return
	fi
	cw_want="epolltrace: warning[closed-while-registered]: pid $pid epfd $epfd fd $c: fd $c was closed by execve (O_CLOEXEC) while registered (events=$EV data=0x$data_c, registered at "
	# The warning's place: after the dump made before the exec, before the
	# new image's wait.
	cw_order=$(grep -En "warning\\[|: model (matches|differs) |${TID_PREFIX}epoll_wait\\(" "$3" |
		sed 's/:.*warning\[.*/:W/; s/:.*: model .*/:D/; s/:.*epoll_wait(.*/:E/' |
		cut -d: -f2 | tr -d '\n')
	if [ "$(wc -l <"$WORKDIR/warnings")" = 1 ] &&
	   [ "$(cut -c1-${#cw_want} "$WORKDIR/warnings")" = "$cw_want" ] &&
	   [ "$cw_order" = DWED ] &&
	   grep -Eq '^epolltrace: diagnostics: closed-while-registered +1 +0 +0$' "$3"; then
		ok "$1: warning[closed-while-registered] for fd C, closed by execve, once"
	else
		not_ok "$1: warning[closed-while-registered] for fd C, closed by execve, once"
		echo "want one warning starting: $cw_want" | diag
		echo "after the first dump and before the wait (want DWED, got $cw_order)" | diag
		show_file "the trace" "$3"
	fi
}

exec_case() {
	abi=$1
	prog=$2
	variant=$3
	label="$abi exec, $variant"
	log=$WORKDIR/trace.log
	out=$WORKDIR/prog.out
	arg=
	[ "$variant" = dup ] && arg=dup

	printf '\n\n' | timeout $HANG_GUARD "$prog" $arg >"$WORKDIR/untraced.out" \
		2>"$WORKDIR/untraced.err"
	RC=$?
	check_status "$label: exit status untraced" 0 "$RC"
	[ "$RC" = 0 ] || show_file "its stderr" "$WORKDIR/untraced.err"

	if ! start_paused "$log" "$out" --diagnose --dump -f -- "$prog" $arg; then
		not_ok_n $((PER_CASE - 1)) "$label: cannot start epolltrace with a fifo as stdin"
		return
	fi
	pid= epfd= c= k=
	for pause in 1 2; do
		if ! await_pause $pause "$out"; then
			not_ok_n 4 "$label: pause $pause: the program reaches it under epolltrace"
			show_file "epolltrace's stderr" "$out.err"
			continue
		fi
		pid=$(pause_value pid) epfd=$(pause_value epfd) c=$(pause_value c) k=$(pause_value k)
		want_pause $pause $variant
		if [ $pause = 1 ]; then where="before the exec"; else where="after the exec"; fi
		check_pause "$label: pause $pause, $where" "$log" "$pid" "$epfd" $pause \
			"$WORKDIR/want.kernel" "$WORKDIR/want.dump"
		resume
	done
	end_paused
	check_status "$label: exit status under epolltrace --diagnose --dump -f" 0 "$RC"
	[ "$RC" = 0 ] || show_file "epolltrace's stderr" "$out.err"
	touch "$log"

	check_warnings "$label" $variant "$log"
	check "$label: the new image's wait on the inherited epfd was traced with K's event" \
		grep -Eq "${TID_PREFIX}epoll_wait\\($epfd, \\[\\{events=EPOLLIN, data=0x$data_k\\}\\], 4, -1\\) += 1\$" \
		"$log"
	check "$label: the program's stdout has its two pauses only" only_pauses 2 "$out"
}

for abi in $ABIS; do
	if prog=$(prog_path exec_cloexec $abi); then
		exec_case $abi "$prog" plain
		exec_case $abi "$prog" dup
	else
		skip_n $((2 * PER_CASE)) "$(missing_reason $abi)"
	fi
done
