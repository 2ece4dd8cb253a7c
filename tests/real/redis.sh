#!/bin/sh
# redis-server (its main loop; its bio threads wait on no epoll) in the
# corpus of make check-real, loaded by redis-benchmark, which must see no
# error and the server count no error reply: see real-lib.sh.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case redis
