#!/bin/sh
# clone3 with CLONE_UNTRACED (tests/progs/clone3_untraced.c): whether its
# clone_args are read-only, watched by the program, or changed by a racing
# thread, the call succeeds, every child is traced (so none sees ENOSYS
# and each one's epoll_create1 is shown), the program's clone_args keep
# their flags (the program checks), and epolltrace needs no fallback to
# clone.  Then the same under -p.
. "$TESTS_SRCDIR/e2e/lib.sh"

CASES="readonly:1 kept:1 race:200"
PER_ABI=11
plan $((2 * PER_ABI))

# children_shown LOG: how many epoll_create1 calls LOG shows succeeding.
children_shown() { grep -Ec 'epoll_create1\(0\) += [0-9]' "$1"; }

# traced_by_us: the program (pid) is traced by the tracer started (TRACER_PID).
traced_by_us() { test "$(tracer_of /proc/$pid)" = "$TRACER_PID"; }

for abi in $ABIS; do
	abi_prog clone3_untraced $abi $PER_ABI || continue
	for c in $CASES; do
		case=${c%:*} children=${c#*:}
		timeout $HANG_GUARD "$EPOLLTRACE" -f -qq -o "$WORKDIR/log" -- "$prog" $case \
			</dev/null 2>"$WORKDIR/err"
		RC=$?
		check_status "$abi $case: clone3 succeeds and no child saw ENOSYS" 0 $RC
		[ $RC = 0 ] || diag <"$WORKDIR/err"
		check "$abi $case: each of the $children children's epoll_create1 is shown" \
			test "$(children_shown "$WORKDIR/log")" = "$children"
		if grep -q "clone3.s arguments could not be copied" "$WORKDIR/err"; then
			not_ok "$abi $case: no clone3 was failed with ENOSYS"
			diag <"$WORKDIR/err"
		else
			ok "$abi $case: no clone3 was failed with ENOSYS"
		fi
	done

	# -p: the flag is kept from the kernel at the call's entry stop.
	rm -f "$WORKDIR/in" "$WORKDIR/out" "$WORKDIR/log"
	mkfifo "$WORKDIR/in"
	"$prog" later <"$WORKDIR/in" >"$WORKDIR/out" 2>"$WORKDIR/prog.err" &
	pid=$!
	track $pid
	exec 7>"$WORKDIR/in"
	wait_until grep -q '^ready' "$WORKDIR/out"
	start_tracer "$WORKDIR/log" $pid -qq
	wait_until traced_by_us
	echo go >&7
	exec 7>&-
	await_exit $pid
	check_status "$abi -p: clone3 succeeds and the child did not escape" 0 "$RC"
	await_exit $TRACER_PID
	check "$abi -p: the child's epoll_create1 is shown" \
		test "$(children_shown "$WORKDIR/log")" = 1
done
