#!/bin/sh
# A dump never vouches for an instance that is gone
# (tests/progs/epfd_reused.c): of two instances, OLD is closed and a
# socket takes its number; LIVE stays.  Without --diagnose epolltrace is
# not told of the close, and the dump used to list OLD under the socket's
# number, then say "model matches the kernel" for it (nginx's master and
# its epfd 4).  Under --dump, and --diagnose --dump, in both ABIs: the
# dump SIGUSR1 asks for lists LIVE, with its verdict, and nothing under
# OLD's number; the dump at the exit names no OLD either; exit status 0.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/model-pause-lib.sh"

PER_CASE=4
MODES="plain diagnose"
plan $((2 * 2 * PER_CASE))

# no_line_of PID EPFD FILE: FILE has no dump line of that instance.
no_line_of() { ! grep -q "^epolltrace: dump: pid $1 epfd $2: " "$3"; }

for abi in $ABIS; do
	abi_prog epfd_reused $abi $((2 * PER_CASE)) || continue
	for mode in $MODES; do
		label="$abi $mode"
		case $mode in
		plain) opts=--dump ;;
		diagnose) opts="--diagnose --dump" ;;
		esac
		log=$WORKDIR/$abi-$mode.log
		out=$WORKDIR/$abi-$mode.out
		# $opts is unquoted on purpose: a word list.
		start_paused "$log" "$out" $opts -f -- "$prog"
		if ! await_pause 1 "$out"; then
			not_ok_n $PER_CASE "$label: the program did not pause"
			show_file "its output" "$out"
			end_paused
			continue
		fi
		pid=$(pause_value pid)
		old=$(pause_value old)
		live=$(pause_value live)
		if take_dump "$log" "$pid" "$live" 1 &&
		   grep -q "^epolltrace: dump: pid $pid epfd $live: model matches the kernel (1 registration)\$" \
			"$WORKDIR/dump"; then
			ok "$label: SIGUSR1: the live instance is dumped and matches"
		else
			not_ok "$label: SIGUSR1: the live instance is dumped and matches"
			show_file "the trace" "$log"
		fi
		if no_line_of "$pid" "$old" "$WORKDIR/dump"; then
			ok "$label: SIGUSR1: nothing is dumped under the closed epfd $old"
		else
			not_ok "$label: SIGUSR1: nothing is dumped under the closed epfd $old"
			diag <"$WORKDIR/dump"
		fi
		resume
		end_paused
		check_status "$label: exit status" 0 "$RC"
		after_last_verdict "$log" >"$WORKDIR/exit.dump"
		if [ -s "$WORKDIR/exit.dump" ] && no_line_of "$pid" "$old" "$WORKDIR/exit.dump"; then
			ok "$label: the dump at exit names no epfd $old"
		else
			not_ok "$label: the dump at exit names no epfd $old"
			show_file "the trace" "$log"
		fi
	done
done
