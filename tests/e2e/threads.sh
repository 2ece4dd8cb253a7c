#!/bin/sh
# Two threads interleave (tests/progs/two_threads.c): one sleeps in each
# wait call while the other registers and writes a pipe that wakes it.
# epolltrace must print strace 7.x's "<unfinished ...>" / "<... resumed>"
# lines, with -o (pid prefixes) and on stderr ("[pid N]" prefixes).
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 8
for abi in $ABIS; do
	if ! prog=$(prog_path two_threads $abi); then
		skip_n 4 "$(missing_reason $abi)"
		continue
	fi
	OUTPUT_MODE=file
	check_program "$abi two_threads" 0 "$prog"
	OUTPUT_MODE=stderr
	compare_with_strace "$abi two_threads: output on stderr is strace's" -qq -- "$prog"
done
