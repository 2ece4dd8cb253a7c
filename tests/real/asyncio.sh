#!/bin/sh
# Python's asyncio (tests/loops/asyncio_echo.py) in the corpus of make
# check-real, loaded by tests/loops/load_client.py, which checks every
# echo byte for byte: see real-lib.sh.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-lib.sh"
. "$TESTS_SRCDIR/real/real-lib.sh"
real_server_case asyncio
