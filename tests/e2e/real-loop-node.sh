#!/bin/sh
# A real event loop under epolltrace --diagnose --dump: Node.js (libuv)
# serving tests/loops/node_http.js, keep-alive HTTP, to 50 connections of
# 20 requests each, 10 of them closed midway (a last request with
# "Connection: close") and 10 more opened meanwhile, every response
# checked by tests/loops/load_client.py.  The server must behave as
# untraced and exit 0 on the SIGTERM epolltrace passes on, its epoll calls
# must be in the trace, --diagnose must not warn about this correct loop,
# and the dump epolltrace prints on SIGUSR1 must be what /proc/PID/fdinfo
# holds.
#
# What Node does with epoll (strace -f, Node v20.20.2, libuv 1.46.0, Linux
# 6.18, io_uring allowed by kernel.io_uring_disabled=0): no io_uring at
# all by default.  Every EPOLL_CTL_ADD, _MOD and _DEL is a real epoll_ctl
# system call, and the loop waits with epoll_pwait(epfd, ..., 1024,
# timeout, NULL, 8).  libuv adds a fd it watches again with EPOLL_CTL_ADD,
# gets EEXIST and then sends EPOLL_CTL_MOD (272 failed ADDs of 669 calls
# for this workload), so the model must leave a failed ADD out.  The
# process has three epoll instances: the main loop's, and two of other
# threads (one of them never gets a registration here).  With
# UV_USE_IO_URING=1, libuv 1.46 sets up an io_uring per loop (a 256-entry
# ring, besides the SQPOLL ring for files) and submits most epoll_ctl
# operations as IORING_OP_EPOLL_CTL through io_uring_enter: of the same
# workload's calls only 63 remained visible, 3 ADDs and the 60 DELs (libuv
# deletes a closing fd with a direct epoll_ctl), so no tracer of system
# calls can follow the interest list.  The server runs with that variable
# unset (loop-lib.sh), and the check that an EPOLL_CTL_ADD was traced for
# every accepted connection would catch a Node that went back to io_uring.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"

plan $TRACED_LOOP_CHECKS

if ! need python3 node; then
	skip_n $TRACED_LOOP_CHECKS "$NEED_WHY"
	exit 0
fi
traced_loop_case node 50 20 10 10
