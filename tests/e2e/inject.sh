#!/bin/sh
# -e inject= and -e fault=: calls made to fail, to return a made-up value
# or to be followed by a signal, on the calls when= picks, as strace does:
# the trace against strace's, and what the program saw.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 22

# check_seen NAME WANT: the program's own account of its calls.
check_seen() {
	printf '%s\n' "$2" >"$WORKDIR/seen.want"
	compare_text "$1" "$WORKDIR/seen.want" "$WORKDIR/seen"
}

for abi in $ABIS; do
	if ! prog=$(prog_path inject_calls $abi); then
		skip_n 8 "$(missing_reason $abi)"
		continue
	fi
	compare_with_strace "$abi the 3rd wait fails with EINTR, marked (INJECTED)" \
		-qq -e inject=epoll_wait:error=EINTR:when=3 -- "$prog"
	compare_with_strace "$abi retval=, every 2nd wait from the 2nd (when=2+2)" \
		-qq -e inject=epoll_wait:retval=0:when=2+2 -- "$prog"
	compare_with_strace "$abi fault=: ENOSYS, the 1st and 2nd ctl (when=1..2)" \
		-qq -e fault=epoll_ctl:when=1..2 -- "$prog"
	compare_with_strace "$abi signal=USR1 after the 2nd ctl, the call left as it is" \
		-qq -e inject=epoll_ctl:signal=USR1:when=2 -- "$prog"
	compare_with_strace "$abi delay_enter= on the 2nd wait, delay_exit= on each ctl: (DELAYED)" \
		-qq -e inject=epoll_wait:delay_enter=20ms:when=2 -e inject=epoll_ctl:delay_exit=10000 -- "$prog"
	"$EPOLLTRACE" -o /dev/null -e inject=epoll_wait:error=EINTR:when=3 -- "$prog" \
		>"$WORKDIR/seen" </dev/null
	check_seen "$abi ... the program got EINTR from its 3rd wait" "wait 0
wait 0
wait -1 Interrupted system call
wait 0
add 0
add -1 File exists
usr1 0"
	"$EPOLLTRACE" -o /dev/null --inject=epoll_ctl:retval=7:signal=SIGUSR1:when=1 -- "$prog" \
		>"$WORKDIR/seen" </dev/null
	check_seen "$abi --inject=: its 1st ctl returned 7 and was not made, then SIGUSR1 came" "wait 0
wait 0
wait 0
wait 0
add 7
add 0
usr1 1"
	"$EPOLLTRACE" -o /dev/null -e inject=all:error=ENOENT:when=2..3 -- "$prog" \
		>"$WORKDIR/seen" </dev/null
	check_seen "$abi inject=all counts each call apart: 2nd and 3rd waits, 2nd ctl" "wait 0
wait -1 No such file or directory
wait -1 No such file or directory
wait 0
add 0
add -1 No such file or directory
usr1 0"
done

if prog=$(prog_path inject_calls x86_64); then
	"$EPOLLTRACE" --json -o "$WORKDIR/json" -e inject=epoll_wait:error=EINTR:when=3 -- "$prog" \
		>/dev/null </dev/null
	check "--json: the injected call's object says so, and only it" sh -c \
		"[ \$(grep -c '\"injected\":true' '$WORKDIR/json') = 1 ] &&
		 grep '\"injected\":true' '$WORKDIR/json' | grep -q '\"errno\":\"EINTR\"'"
else
	skip "--json: test program not built"
fi

# A delay whose timer cannot be set (strace, tracing epolltrace alone, makes
# timerfd_settime fail) lets the thread go at once, never holds it for ever.
name="delay_enter= with timerfd_settime failing: no delay, the program runs to its end"
if ! have_strace; then
	skip "$name: no strace"
elif ! prog=$(prog_path inject_calls x86_64); then
	skip "$name: $(missing_reason x86_64)"
else
	# LeakSanitizer's own ptrace would meet strace's.  epolltrace writes
	# its pid, to be killed (and its command with it) should it hang.
	rm -f "$WORKDIR/pid"
	ASAN_OPTIONS=detect_leaks=0 strace -qq -o /dev/null \
		-e trace=timerfd_settime -e inject=timerfd_settime:error=EINVAL \
		sh -c 'echo $$ >"$0"; exec "$@"' "$WORKDIR/pid" \
		"$EPOLLTRACE" -o /dev/null -e inject=epoll_wait:delay_enter=20ms:when=2 -- "$prog" \
		>/dev/null </dev/null &
	strace_pid=$!
	track $strace_pid
	if ! wait_until ended $strace_pid; then
		kill -KILL "$(cat "$WORKDIR/pid")"
		echo "the program was still held after $HANG_GUARD seconds" | diag
	fi
	await_exit $strace_pid
	check_status "$name (exit status)" 0 "$RC"
fi

refused_inject() {
	"$EPOLLTRACE" "$@" true 2>"$WORKDIR/err"
	rc=$?
	if [ $rc = 64 ] && [ "$(wc -l <"$WORKDIR/err")" = 1 ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "exit status $rc" | diag
		diag <"$WORKDIR/err"
	fi
}
name="error= and retval= together are a usage error" refused_inject \
	-e inject=epoll_wait:error=EINTR:retval=1
name="poke_enter= is refused with what epolltrace does instead" refused_inject \
	-e inject=epoll_wait:poke_enter=@arg1=0000
name="a bad when= is a usage error" refused_inject -e inject=epoll_wait:error=EINTR:when=0
name="inject= with nothing to inject is a usage error" refused_inject -e inject=epoll_wait:when=3
