#!/bin/sh
# int arguments with their upper halves set (tests/progs/int_args.c): the
# kernel takes the low 32 bits, and so do epolltrace's lines, --op and
# --epfd, the model and -c.  x86-64 only: i386 registers have no upper half.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 7
prog=$PROGS_DIR/int_args
QUIET="-qq -e trace=$EPOLL_SYSCALLS" check_program "x86_64 int_args" 0 "$prog"

# check_lines LABEL WANT-FILE OPTIONS...: the trace's lines under OPTIONS.
check_lines() {
	cl_label=$1
	cl_want=$2
	shift 2
	OUTPUT_MODE=stderr run_epolltrace "$WORKDIR/lines" -qq "$@" -- "$prog"
	compare_text "$cl_label" "$cl_want" "$WORKDIR/lines"
}

printf '%-39s %s\n' 'epoll_ctl(3, EPOLL_CTL_MOD, 5, {events=EPOLLIN|EPOLLRDHUP, data=0x6})' '= 0' \
	>"$WORKDIR/want"
check_lines "--op=mod --epfd=3 --fd=5 finds the MOD" "$WORKDIR/want" \
	--op=mod --epfd=3 --fd=5 -e trace=epoll_ctl
printf '%s\n' 'ioctl(3, EPIOCGPARAMS, {busy_poll_usecs=0, busy_poll_budget=0, prefer_busy_poll=0}) = 0' \
	>"$WORKDIR/want"
check_lines "ioctl's fd and request" "$WORKDIR/want" -e trace=ioctl

OUTPUT_MODE=stderr run_epolltrace "$WORKDIR/diag" -qq --diagnose -e trace=epoll_create -- "$prog"
if grep -q 'warning' "$WORKDIR/diag"; then
	not_ok "--diagnose: the model saw the calls the kernel made"
	diag <"$WORKDIR/diag"
else
	ok "--diagnose: the model saw the calls the kernel made"
fi
OUTPUT_MODE=stderr run_epolltrace "$WORKDIR/summary" -qq -C -- "$prog"
if grep -Eq "^ +[0-9]+ +3 +3 +3 " "$WORKDIR/summary" && ! grep -q 'deadbeef' "$WORKDIR/summary"; then
	ok "-C: the waits counted on instance 3"
else
	not_ok "-C: the waits counted on instance 3"
	diag <"$WORKDIR/summary"
fi
