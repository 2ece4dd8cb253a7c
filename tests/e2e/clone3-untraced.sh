#!/bin/sh
# clone3 with CLONE_UNTRACED (tests/progs/clone3_untraced.c): whether its
# clone_args are read-only, watched by the program, or changed by a racing
# thread, no child sees ENOSYS, the program's clone_args keep their flags,
# and epolltrace says on stderr what it did.
. "$TESTS_SRCDIR/e2e/lib.sh"

CASES="readonly kept race"
plan 18
for abi in $ABIS; do
	abi_prog clone3_untraced $abi 9 || continue
	for case in $CASES; do
		timeout $HANG_GUARD "$EPOLLTRACE" -f -qq -o "$WORKDIR/log" -- "$prog" $case \
			</dev/null 2>"$WORKDIR/err"
		RC=$?
		check_status "$abi $case: no child saw ENOSYS" 0 $RC
		[ $RC = 0 ] || diag <"$WORKDIR/err"
		check "$abi $case: every child's epoll_create1 is shown" \
			grep -Eq 'epoll_create1\(0\) += [0-9]' "$WORKDIR/log"
		if grep -q "clone3 asked for CLONE_UNTRACED and failed with ENOSYS" "$WORKDIR/err"; then
			ok "$abi $case: the warning says what epolltrace did"
		else
			not_ok "$abi $case: the warning says what epolltrace did"
			diag <"$WORKDIR/err"
		fi
	done
done
