#!/bin/sh
# -y's names (and --event-fds's) are kept where every end of an fd is seen (under -p, and with
# --diagnose), and forgotten when the fd is closed: tests/progs/fd_reuse
# waits on a pipe, closes it, and waits on an eventfd under the same fd
# number, which must then be named for the eventfd, in the call and in
# the returned event.  Plain command mode reads names afresh: checked too.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 11

# named LOG FD: the pipe, then the eventfd, under FD, in calls and events.
named() {
	grep -Eq "epoll_wait\\([0-9]+<anon_inode:\\[eventpoll\\]>, \\[\\{events=EPOLLIN, data=0x$2<pipe:\\[[0-9]+\\]>\\}\\]" "$1" &&
	grep -Eq "epoll_ctl\\([0-9]+<[^>]*>, EPOLL_CTL_ADD, $2<anon_inode:\\[eventfd\\]>," "$1" &&
	grep -Eq "epoll_wait\\([0-9]+<anon_inode:\\[eventpoll\\]>, \\[\\{events=EPOLLIN, data=0x$2<anon_inode:\\[eventfd\\]>\\}\\]" "$1"
}

# The lines after the pipe's close, where no pipe may be named under FD.
after_close() { sed -n '/EPOLL_CTL_DEL/,$p' "$1" >"$WORKDIR/after.$2"; }

for mode in plain diagnose; do
	log=$WORKDIR/$mode.log
	opts="-y --event-fds"
	[ $mode = diagnose ] && opts="-y --event-fds --diagnose"
	# shellcheck disable=SC2086
	echo go | "$EPOLLTRACE" $opts -o "$log" -- "$PROGS_DIR/fd_reuse" >"$WORKDIR/$mode.out"
	check_status "command, $mode: the program exits 0" 0 $?
	fd=$(sed -n 's/^reused fd=//p' "$WORKDIR/$mode.out")
	after_close "$log" $mode
	check "command, $mode: fd $fd named as a pipe, then as an eventfd" named "$log" "$fd"
	check "command, $mode: no pipe named under fd $fd after its close" \
		sh -c '! grep -q "data=0x$1<pipe" "$2"' sh "$fd" "$WORKDIR/after.$mode"
done

mkfifo "$WORKDIR/in" || exit 99
"$PROGS_DIR/fd_reuse" <"$WORKDIR/in" >"$WORKDIR/p.out" &
pid=$!
track $pid
exec 8>"$WORKDIR/in"
traced_by() { grep -Eq "^TracerPid:[[:space:]]+$2\$" "/proc/$1/status"; }
start_tracer "$WORKDIR/p.log" "$pid" -y --event-fds
if wait_until traced_by "$pid" "$TRACER_PID"; then
	ok "-p: attached"
else
	not_ok "-p: attached"
fi
echo go >&8
exec 8>&-
await_exit $pid
check_status "-p: the program exits 0" 0 "$RC"
await_exit $TRACER_PID
check_status "-p: epolltrace exits 0 with it" 0 "$RC"
fd=$(sed -n 's/^reused fd=//p' "$WORKDIR/p.out")
after_close "$WORKDIR/p.log" p
check "-p: fd $fd named as a pipe, then as an eventfd" named "$WORKDIR/p.log" "$fd"
check "-p: no pipe named under fd $fd after its close" \
	sh -c '! grep -q "data=0x$1<pipe" "$2"' sh "$fd" "$WORKDIR/after.p"
