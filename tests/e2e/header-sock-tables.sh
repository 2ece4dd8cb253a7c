#!/bin/sh
# The attach header names a registered socket from the /proc/PID/net
# table of its protocol only, which the fd's system.sockprotoname xattr
# gives: /proc/PID/net/tcp and tcp6 walk every TCP socket of the machine,
# a few milliseconds at each attach where sockets wait in TIME_WAIT, for
# a process whose registered sockets may be UNIX ones only.
. "$TESTS_SRCDIR/e2e/lib.sh"

DUMP=$TESTS_BUILDDIR/unit/interest-dump

plan 3

if ! [ -x "$DUMP" ] || ! command -v python3 >/dev/null 2>&1 || ! have_strace; then
	skip_n 3 "interest-dump, python3 or strace missing"
	exit 0
fi

mkfifo "$WORKDIR/in"
python3 -c '
import select, socket, sys
a, b = socket.socketpair()
ep = select.epoll()
ep.register(a.fileno(), select.EPOLLIN)
print("ready", flush=True)
sys.stdin.readline()
' <"$WORKDIR/in" >"$WORKDIR/out" &
PID=$!
track $PID
exec 7>"$WORKDIR/in"
wait_until grep -qx ready "$WORKDIR/out"

# LeakSanitizer's own ptrace would meet strace's.
ASAN_OPTIONS=detect_leaks=0 timeout $HANG_GUARD strace -qq -f -e trace=openat -o "$WORKDIR/opens" "$DUMP" $PID \
	>"$WORKDIR/header" 2>"$WORKDIR/dump.err"
check_status "interest-dump exits with 0" 0 $?
if grep -Eq "^epolltrace: pid $PID epfd [0-9]+: fd [0-9]+ <UNIX> events="  "$WORKDIR/header"; then
	ok "the registered socket is named UNIX"
else
	not_ok "the registered socket is named UNIX"
	diag <"$WORKDIR/header"
fi
if grep -E "/net/(tcp|tcp6|udp|udp6)\"" "$WORKDIR/opens" >"$WORKDIR/others"; then
	not_ok "no other protocol's table is read"
	diag <"$WORKDIR/others"
else
	ok "no other protocol's table is read"
fi
exec 7>&-
wait $PID
untrack $PID
