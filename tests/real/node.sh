#!/bin/sh
# Node.js (libuv; tests/loops/node_http.js, io_uring left off: see
# tests/e2e/real-loop-node.sh) in the corpus of make check-real, loaded by
# wrk: see real-lib.sh.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case node
