#!/bin/sh
# Arguments in memory the program cannot read (tests/progs/
# unreadable_memory.c): each call fails with EFAULT, and its line shows
# the address, as strace's, never what ptrace could read there.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 8
# strace 6.1 does not know the epoll ioctls: they are checked apart.
QUIET="-qq -e trace=epoll_create1,epoll_ctl"
for abi in $ABIS; do
	abi_prog unreadable_memory $abi 4 || continue
	check_program "$abi unreadable_memory" 0 "$prog"
	run_epolltrace "$WORKDIR/ioctl.log" -qq -e trace=ioctl -- "$prog"
	if grep -Eq "$TID_PREFIX"'ioctl\(3, EPIOCSPARAMS, 0x[0-9a-f]+\) += -1 EFAULT \(Bad address\)$' \
		"$WORKDIR/ioctl.log"; then
		ok "$abi unreadable_memory: EPIOCSPARAMS shows the address"
	else
		not_ok "$abi unreadable_memory: EPIOCSPARAMS shows the address"
		diag <"$WORKDIR/ioctl.log"
	fi
done
