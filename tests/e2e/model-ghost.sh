#!/bin/sh
# A ghost registration whose last reference is closed is gone from the
# model too (tests/progs/diag_ghost_gone): the true closed-while-registered
# warning, and no stale-event when the fd number and its data come back in
# a new registration; --dump at the exit lists only that one.
. "$TESTS_SRCDIR/e2e/lib.sh"

# dumped_alone LOG PID EPFD FD: the dump has one line, FD's, reported once.
dumped_alone() {
	[ "$(grep -c "^epolltrace: dump: pid $2 epfd $3: " "$1")" = 1 ] &&
		grep -q "^epolltrace: dump: pid $2 epfd $3: fd $4 <[^>]*> events=EPOLLIN|EPOLLERR|EPOLLHUP data=0x$4 reported=1\$" "$1"
}

plan 8
for abi in $ABIS; do
	if ! prog=$(prog_path diag_ghost_gone $abi); then
		skip_n 4 "$(missing_reason $abi)"
		continue
	fi
	log=$WORKDIR/$abi.log
	"$EPOLLTRACE" --diagnose --dump -o "$log" -- "$prog" >"$WORKDIR/$abi.out"
	check_status "$abi: the program exits 0" 0 $?
	set -- $(sed -n 's/^expect pid=\([0-9]*\) epfd=\([0-9]*\) fd=\([0-9]*\)$/\1 \2 \3/p' "$WORKDIR/$abi.out")
	check "$abi: the closed fd's warning, once" \
		[ "$(grep -c "^epolltrace: warning\[closed-while-registered\]: pid $1 epfd $2 fd $3: " "$log")" = 1 ]
	if grep -q 'warning\[stale-event\]' "$log"; then
		not_ok "$abi: no stale-event for the new registration"
		grep 'warning\[' "$log" | diag
	else
		ok "$abi: no stale-event for the new registration"
	fi
	check "$abi: the dump at the exit lists the new registration alone" \
		dumped_alone "$log" "$@"
done
