#!/bin/sh
# ioctl commands of epoll's type 0x8a that no kernel knows (tests/progs/
# epoll_ioctl_unknown.c), named as strace names unknown commands, and
# ioctls of other types left alone.  strace 6.1 names them the same way,
# but traces every ioctl, so its lines of other types are left out of the
# comparison: they must not be in epolltrace's.
. "$TESTS_SRCDIR/e2e/lib.sh"

# 4 directions x 5 numbers x 4 sizes, on two fds.
CALLS=160

plan 8
for abi in $ABIS; do
	abi_prog epoll_ioctl_unknown $abi 4 || continue
	check_runs "$abi epoll_ioctl_unknown" 0 "$WORKDIR/epolltrace.log" -qq -e trace=ioctl -- "$prog"
	got=$(grep -c '^[0-9]* *ioctl(-\{0,1\}[0-9]*, _IOC(_IOC_[A-Z|_]*, 0x8a, ' "$WORKDIR/epolltrace.log")
	total=$(wc -l <"$WORKDIR/epolltrace.log")
	if [ "$got" = $CALLS ] && [ "$total" = $CALLS ]; then
		ok "$abi epoll_ioctl_unknown: every type 0x8a call, and no other"
	else
		not_ok "$abi epoll_ioctl_unknown: every type 0x8a call, and no other"
		echo "$got of $total lines type 0x8a, want $CALLS of $CALLS" | diag
	fi
	if ! have_strace; then
		skip "$abi epoll_ioctl_unknown: strace is not installed"
		continue
	fi
	run_tracer "$WORKDIR/strace.log" strace -f -qq -e trace=ioctl -- "$prog"
	normalise "$WORKDIR/strace.log" --strace61 | grep '0x8a, ' >"$WORKDIR/want"
	normalise "$WORKDIR/epolltrace.log" >"$WORKDIR/got"
	if [ -s "$WORKDIR/want" ]; then
		compare_text "$abi epoll_ioctl_unknown: output is strace's" "$WORKDIR/want" "$WORKDIR/got"
	else
		not_ok "$abi epoll_ioctl_unknown: output is strace's"
		echo "strace printed no type 0x8a line" | diag
	fi
done
