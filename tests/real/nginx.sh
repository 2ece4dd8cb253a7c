#!/bin/sh
# nginx (master and 2 workers) in the corpus of make check-real: see
# real-lib.sh.  Under epolltrace it is also reloaded (SIGHUP), which starts
# new workers.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case nginx
