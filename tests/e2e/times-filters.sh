#!/bin/sh
# Timestamps (-t, -tt, -ttt, -r), call times (-T) and the epoll filters
# (--epfd, --fd, --op) on tests/progs/epoll_calls, which uses several
# instances and fds.  Forms and selections are checked, never durations.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 9
if ! prog=$(prog_path epoll_calls x86_64); then
	skip_n 9 "test program not built"
	exit 0
fi
log=$WORKDIR/log
calls='^[0-9]+ +'

# trace OPTIONS...: epolltrace -qq OPTIONS on the program, into $log.
trace() {
	run_epolltrace "$log" -qq "$@" -- "$prog"
}

trace -ttt
check "-ttt: every line starts with seconds.microseconds" \
	sh -c '! grep -Evq "^[0-9]+ +[0-9]+\.[0-9]{6} " "$1" && [ -s "$1" ]' sh "$log"
check "-ttt: the times never go back" \
	sh -c 'sed -E "s/^[0-9]+ +([0-9.]+) .*/\1/" "$1" | sort -c -n' sh "$log"

trace -tt
check "-tt: HH:MM:SS.microseconds" \
	sh -c '! grep -Evq "^[0-9]+ +[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} " "$1"' sh "$log"

trace -r
check "-r: seconds since the previous line, the first 0" \
	sh -c 'head -n 1 "$1" | grep -Eq "^[0-9]+ +0\.000000 " &&
	       ! grep -Evq "^[0-9]+ +[0-9]+\.[0-9]{6} " "$1"' sh "$log"

trace -T
check "-T: every call's line ends with <seconds.microseconds>" \
	sh -c 'grep "(" "$1" | grep -Evq " <[0-9]+\.[0-9]{6}>$" && exit 1; grep -q "(" "$1"' sh "$log"

trace -e trace=epoll_ctl --op=add
check "--op=add: only EPOLL_CTL_ADD lines, and some" \
	sh -c 'grep -q "EPOLL_CTL_ADD" "$1" && ! grep -Eq "EPOLL_CTL_(MOD|DEL)|0x63" "$1"' sh "$log"

# The instance and fd of the program's first successful registration.
trace -e trace=epoll_ctl
first_add=$(grep -E 'EPOLL_CTL_ADD, [0-9]+, .* = 0$' "$log" | head -n 1)
epfd=$(echo "$first_add" | sed -E 's/.*epoll_ctl\(([0-9]+),.*/\1/')
fd=$(echo "$first_add" | sed -E 's/.*EPOLL_CTL_ADD, ([0-9]+),.*/\1/')
trace --epfd="$epfd"
check "--epfd=$epfd: every line is of that instance" \
	sh -c 'grep -q . "$1" && ! grep -Ev "^[0-9]+ +[a-z_0-9]+\($2[,)]|= $2\$" "$1" | grep -q .' \
	sh "$log" "$epfd"

trace -e trace=epoll_ctl --fd="$fd"
check "--fd=$fd: every epoll_ctl names fd $fd" \
	sh -c 'grep -q . "$1" && ! grep -Ev "^[0-9]+ +epoll_ctl\([0-9-]+, [^,]+, $2," "$1" | grep -q .' \
	sh "$log" "$fd"

# examples/tiny_loop puts each fd in its registration's data; its first
# registration is its pipe (fd numbers depend on what it inherits).
loop=$TESTS_BUILDDIR/../examples/tiny_loop
run_epolltrace "$log" -qq -e trace=epoll_ctl -- "$loop"
pipe_fd=$(sed -nE 's/.*EPOLL_CTL_ADD, ([0-9]+),.*/\1/p' "$log" | head -n 1)
data=$(printf '%#x' "$pipe_fd")
run_epolltrace "$log" -qq -e trace=epoll_wait --fd="$pipe_fd" -- "$loop"
check "--fd=$pipe_fd: each wait shown returned an event whose data holds it, and some" \
	sh -c 'grep -q "data=$2[,}]" "$1" && ! grep -v "data=$2[,}]" "$1" | grep -q .' \
	sh "$log" "$data"
