#!/bin/sh
# A real event loop under epolltrace --diagnose --dump: Python's asyncio
# (its selector loop, so epoll) serving tests/loops/asyncio_echo.py to 50
# connections of 20 messages each (some large enough to come in pieces),
# 10 of them closed midway and 10 more opened meanwhile, every reply
# checked byte for byte by tests/loops/load_client.py.  The server must
# behave as untraced and exit 0, its epoll calls must be in the trace,
# --diagnose must not warn about this correct loop, and the dump epolltrace
# prints on SIGUSR1 must be what /proc/PID/fdinfo holds.
#
# CPython's select.epoll sets only data.fd of the event it passes, so the
# upper half of each registration's data is whatever was on its stack
# (0x7f..0000000c for fd 12): the model must keep the data as passed.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"

plan $TRACED_LOOP_CHECKS

if ! need python3; then
	skip_n $TRACED_LOOP_CHECKS "$NEED_WHY"
	exit 0
fi
traced_loop_case asyncio 50 20 10 10
