#!/bin/sh
# haproxy with 2 threads, each with its own poller, answering HTTP itself,
# in the corpus of make check-real, loaded by wrk: see real-lib.sh.  On
# SIGTERM haproxy dies of it (status 143 in the shell), traced or not.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case haproxy
