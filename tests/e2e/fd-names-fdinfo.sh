#!/bin/sh
# -yy shows an eventfd's and a signalfd's state from fdinfo as strace 7.x
# does, "4<{eventfd-count=0x7, eventfd-id=N, eventfd-semaphore=1}>" and
# "6<signalfd:[USR1 RT_2]>" (tests/progs/eventfd_signalfd.c).  strace 6.1
# shows neither, so the expected lines are written here; the eventfd's id
# is the kernel's and differs from run to run.
. "$TESTS_SRCDIR/e2e/lib.sh"

expected() {
	ep='epoll_ctl(3<anon_inode:[eventpoll]>, EPOLL_CTL_ADD'
	echo "$ep, 4<{eventfd-count=0x7, eventfd-id=N, eventfd-semaphore=1}>, {events=EPOLLIN, data=0x4}) = 0"
	echo "$ep, 5<{eventfd-count=0, eventfd-id=N, eventfd-semaphore=0}>, {events=EPOLLIN, data=0x5}) = 0"
	echo "$ep, 6<signalfd:[USR1 RT_2]>, {events=EPOLLIN, data=0x6}) = 0"
}

plan 10
expected >"$WORKDIR/expected"
for abi in $ABIS; do
	abi_prog eventfd_signalfd $abi 3 || continue
	check_runs "$abi eventfd_signalfd" 0 "$WORKDIR/run.log" -qq -yy -e trace=epoll_ctl -- "$prog"
	if ! "$prog" | grep -q 'fdinfo complete'; then
		skip "$abi -yy: this kernel's eventfd fdinfo predates Linux 6.5"
		continue
	fi
	sed -e 's/^[0-9]* *//' -e 's/eventfd-id=[0-9]*/eventfd-id=N/' -e 's/  *= 0$/ = 0/' "$WORKDIR/run.log" >"$WORKDIR/fdinfo"
	compare_text "$abi -yy: eventfd and signalfd from fdinfo, as strace 7" \
		"$WORKDIR/expected" "$WORKDIR/fdinfo"
done

# A pty's master side names the slave it opened, from fdinfo's tty-index.
for abi in $ABIS; do
	abi_prog pty_master $abi 2 || continue
	run_epolltrace "$WORKDIR/pty.log" -qq -yy -e trace=epoll_ctl -- "$prog" >"$WORKDIR/pty.out"
	check_status "$abi pty_master runs under epolltrace" 0 $RC
	pts=$(sed -n 's/^pts //p' "$WORKDIR/pty.out")
	check "$abi -yy: a pty master as strace 7, </dev/ptmx<char 5:2 @/dev/pts/N>>" grep -q \
		"epoll_ctl(3<anon_inode:\\[eventpoll\\]>, EPOLL_CTL_ADD, 4</dev/ptmx<char 5:2 @/dev/pts/$pts>>, " \
		"$WORKDIR/pty.log"
done
