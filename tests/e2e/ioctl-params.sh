#!/bin/sh
# The epoll ioctls EPIOCSPARAMS and EPIOCGPARAMS (tests/progs/
# epoll_params.c).  strace 6.1 predates them, so the expected lines are
# written here, in strace 7.x's form.  Without -o and with one process,
# lines have no prefix and the alignment column is 40 from the start.
. "$TESTS_SRCDIR/e2e/lib.sh"

# line CALL RESULT: CALL padded to the alignment column, then RESULT.
line() { printf '%-39s %s\n' "$1" "$2"; }

expected() {
	busy100='{busy_poll_usecs=100 /* 0.000100 s */, busy_poll_budget=8, prefer_busy_poll=0x1}'
	zero='{busy_poll_usecs=0, busy_poll_budget=0, prefer_busy_poll=0}'
	efault='= -1 EFAULT (Bad address)'
	einval='= -1 EINVAL (Invalid argument)'
	ebadf='= -1 EBADF (Bad file descriptor)'
	line 'epoll_create1(0)' '= 3'
	line "ioctl(3, EPIOCSPARAMS, $busy100)" '= 0'
	line "ioctl(3, EPIOCGPARAMS, $busy100)" '= 0'
	line "ioctl(3, EPIOCSPARAMS, $zero)" '= 0'
	line "ioctl(3, EPIOCGPARAMS, $zero)" '= 0'
	line 'ioctl(3, EPIOCSPARAMS, NULL)' "$efault"
	line 'ioctl(3, EPIOCGPARAMS, NULL)' "$efault"
	line 'ioctl(3, EPIOCSPARAMS, 0x8)' "$efault"
	line 'ioctl(3, EPIOCGPARAMS, 0x8)' "$efault"
	line 'ioctl(3, EPIOCSPARAMS, {busy_poll_usecs=1 /* 0.000001 s */, busy_poll_budget=2, prefer_busy_poll=0x3})' "$einval"
	line 'ioctl(3, EPIOCSPARAMS, {busy_poll_usecs=123456 /* 0.123456 s */, busy_poll_budget=789, prefer_busy_poll=0xea, __pad=0x38})' "$einval"
	line 'ioctl(3, EPIOCSPARAMS, {busy_poll_usecs=2147483648 /* 2147.483648 s */, busy_poll_budget=64, prefer_busy_poll=0x1})' "$einval"
	line "ioctl(4, EPIOCSPARAMS, $busy100)" '= -1 ENOTTY (Inappropriate ioctl for device)'
	line "ioctl(-1, EPIOCSPARAMS, $busy100)" "$ebadf"
	line 'ioctl(-1, EPIOCGPARAMS, 0x8)' "$ebadf"
}

plan 6
expected >"$WORKDIR/want"
for abi in $ABIS; do
	if ! prog=$(prog_path epoll_params $abi); then
		skip_n 3 "$(missing_reason $abi)"
		continue
	fi
	run_untraced "$prog"
	check_status "$abi epoll_params: exit status untraced" 0 "$RC"
	timeout $HANG_GUARD "$EPOLLTRACE" -qq "$prog" </dev/null 2>"$WORKDIR/got"
	check_status "$abi epoll_params: exit status under epolltrace" 0 "$?"
	compare_text "$abi epoll_params: the ioctl lines" "$WORKDIR/want" "$WORKDIR/got"
done
