#!/bin/sh
# Every output option works under -p as in a started command: attached to
# tests/progs/line_loop (one epoll_wait per line it is fed, and with -e a
# failing epoll_ctl before each echo), each option's mark is in the log,
# epolltrace exits 0 on SIGINT, and the loop goes on as untraced.  -k,
# -yy and --json have their own -p checks (stack-trace.sh,
# fd-names-yy.sh, json.sh).
. "$TESTS_SRCDIR/e2e/lib.sh"

LOG=$WORKDIR/trace.log
# name|options|grep -E pattern the log must match|pattern it must not match
CASES='-t|-t|^[0-9]+ +[0-9]{2}:[0-9]{2}:[0-9]{2} epoll_wait\(|
-tt|-tt|^[0-9]+ +[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} epoll_wait\(|
-ttt|-ttt|^[0-9]+ +[0-9]+\.[0-9]{6} epoll_wait\(|
-r|-r|^[0-9]+ +[0-9]+\.[0-9]{6} epoll_wait\(|
-T|-T|^[0-9]+ +epoll_wait\(.*= 1 <[0-9]+\.[0-9]{6}>$|
-z|-z|^[0-9]+ +epoll_wait\(.*= 1$|= -1 E
-Z|-Z|^[0-9]+ +epoll_ctl\(.*= -1 EEXIST|= 1$
-s 0|-s 0|^[0-9]+ +epoll_wait\(EPFD, \[\.\.\.\], 1, -1\) += 1$|epoll_wait\(.*events=
-v|-v|^[0-9]+ +epoll_wait\(EPFD, \[\{events=EPOLLIN, data=0\}\], 1, -1\) += 1$|
-a 70|-a 70|^[0-9]+ +epoll_wait\(.{40,}  += 1$|
-e trace=epoll_wait|-e trace=epoll_wait|^[0-9]+ +epoll_wait\(|epoll_ctl\(
--epfd=EPFD|--epfd=EPFD|^[0-9]+ +epoll_wait\(EPFD,|
--epfd=999|--epfd=999|^epolltrace: pid|^[0-9]+ +epoll_
--op=mod|--op=mod|^[0-9]+ +epoll_wait\(|EPOLL_CTL_ADD
-y|-y|^[0-9]+ +epoll_wait\(EPFD<anon_inode:\[eventpoll\]>, \[\{events=EPOLLIN, data=0\}\]|data=0<
--event-fds|--event-fds|^[0-9]+ +epoll_wait\(EPFD, \[\{events=EPOLLIN, data=0<[^>]*/in>\}\]|EPFD<
-c|-c|^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]+ epoll_ctl$|^[0-9]+ +epoll_wait\(
-C|-C|^epoll waits per instance|
-c -S calls -w|-c -S calls -w|^% time +seconds +usecs/call +calls +errors +syscall$|
--color=always|--color=always|\[[0-9;]*m|
--diagnose|--diagnose|^epolltrace: warning\[ctl-eexist\]: pid [0-9]+ epfd EPFD fd 0: |
--dump|--dump|^epolltrace: dump: pid [0-9]+ epfd EPFD: fd 0 <[^>]*/in> events=EPOLLIN.EPOLLERR.EPOLLHUP data=0 reported=[1-9]|differs
-qq|-qq|^[0-9]+ +epoll_wait\(|'
LINES_PER_CASE=5

plan $(($(echo "$CASES" | wc -l) * 3 + 2))

mkfifo "$WORKDIR/in" || exit 99
"$PROGS_DIR/line_loop" -e <"$WORKDIR/in" >"$WORKDIR/out" 2>"$WORKDIR/err" &
LOOP_PID=$!
track $LOOP_PID
exec 8>"$WORKDIR/in"
wait_until grep -q '^ready' "$WORKDIR/out"
epfd=$(sed -n 's/^ready epfd=//p' "$WORKDIR/out")
sent=0

# traced_by PID TRACER: -qq says nothing on attaching, /proc does.
traced_by() { grep -Eq "^TracerPid:[[:space:]]+$2\$" "/proc/$1/status"; }

# feed N: N lines, each waited for in the echo.
feed() {
	for feed_i in $(seq "$1"); do
		sent=$((sent + 1))
		echo "line $sent" >&8
		wait_until grep -qx "line $sent" "$WORKDIR/out" || return 1
	done
}

# Not a pipeline: the loop must run in this shell, to count its TAP lines.
while IFS='|' read -r name opts want avoid; do
	opts=$(echo "$opts" | sed "s/EPFD/$epfd/g")
	want=$(echo "$want" | sed "s/EPFD/$epfd/g")
	rm -f "$LOG" "$LOG.err"
	# shellcheck disable=SC2086
	start_tracer "$LOG" "$LOOP_PID" $opts
	if wait_until traced_by "$LOOP_PID" "$TRACER_PID" && feed $LINES_PER_CASE; then
		ok "$name: attached, and the loop echoes $LINES_PER_CASE lines"
	else
		not_ok "$name: attached, and the loop echoes $LINES_PER_CASE lines"
	fi
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "$name: epolltrace exits 0 on SIGINT" 0 "$RC"
	if grep -Eq -- "$want" "$LOG" && { [ -z "$avoid" ] || ! grep -Eq -- "$avoid" "$LOG"; }; then
		ok "$name: the log shows it"
	else
		not_ok "$name: the log shows it"
		echo "wanted /$want/, and not /$avoid/" | diag
		show_file "log" "$LOG"
		show_file "stderr" "$LOG.err"
	fi
done <<CASES_END
$CASES
CASES_END

check "after every detach the loop still echoes" feed 1
echo quit >&8
exec 8>&-
await_exit $LOOP_PID
check_status "the loop exits 0, as untraced" 0 "$RC"
