#!/bin/sh
# memcached with 2 worker threads, each with its libevent loop, in the
# corpus of make check-real, loaded by memcache_load.py (set and get,
# every reply checked): see real-lib.sh.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case memcached
