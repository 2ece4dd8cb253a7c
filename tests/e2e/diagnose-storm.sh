#!/bin/sh
# epolltrace -f --diagnose on a storm of forks and threads whose loops are
# all correct (tests/progs/fork_thread_storm.c: 16 processes of 16 loop
# threads, forked while the loops run, sharing a listener and a stop
# eventfd across the forks, every fd deleted before it is closed).  Per
# ABI: the exit status untraced and traced, the same output, the trace
# holds every loop, and not one warning.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/diagnose-lib.sh"

LOOPS=256
# Its default of 2 rounds a loop.
OUTPUT="storm: 16 processes, $LOOPS loops, $((LOOPS * 2)) echoes"

diagnose_plan fork_thread_storm 5

# check_storm LABEL: three TAP lines.
check_storm() {
	if [ "$(cat "$WORKDIR/untraced.out")" = "$OUTPUT" ] &&
	   cmp -s "$WORKDIR/untraced.out" "$WORKDIR/stdout"; then
		ok "$1: the same output untraced and traced"
	else
		not_ok "$1: the same output untraced and traced"
		show_file "untraced" "$WORKDIR/untraced.out"
		show_file "traced" "$WORKDIR/stdout"
	fi

	# Without every loop in it, a trace with no warning would prove little.
	created=$(grep -Ec '(epoll_create1\(EPOLL_CLOEXEC\)|<\.\.\. epoll_create1 resumed>\)) += [0-9]' \
		"$WORKDIR/trace.log")
	if [ "$created" = $LOOPS ]; then
		ok "$1: the trace holds the $LOOPS loops' instances"
	else
		not_ok "$1: the trace holds the $LOOPS loops' instances"
		echo "$created epoll_create1 lines" | diag
	fi

	check_no_warning "$1"
}

diagnose_each_abi fork_thread_storm 5 check_storm
