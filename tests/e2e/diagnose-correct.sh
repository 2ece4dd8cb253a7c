#!/bin/sh
# epolltrace --diagnose on correct programs (tests/progs/diag_ok_*.c): an
# ET reader that drains to EAGAIN, a ONESHOT loop that re-arms, EPOLLEXCLUSIVE
# across instances, DEL before close with the fd number reused, children
# with their own instances, a loop that blocks with timeouts, libuv's
# ADD->EEXIST->MOD and libevent's MOD->ENOENT->ADD recoveries, and a
# request/response server that asks for EPOLLOUT only with data to write,
# and nginx's blocking ET eventfd and its EPOLLRDHUP probe.
# No warning of any kind may appear.  Three TAP lines per program and ABI:
# the exit status untraced and under epolltrace, and no warning line in a
# trace that holds the program's epoll calls.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/diagnose-lib.sh"

PROGS="diag_ok_et_nonblock diag_ok_oneshot_rearm diag_ok_exclusive
diag_ok_del_before_close diag_ok_fork_own_instance diag_ok_blocking_timeouts
diag_ok_eexist_mod diag_ok_enoent_add diag_ok_request_response
diag_ok_eventfd_et diag_ok_rdhup_probe"

diagnose_plan "$PROGS" 3

for name in $PROGS; do
	diagnose_each_abi "$name" 3 check_no_warning
done
