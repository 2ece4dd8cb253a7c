#!/bin/sh
# clone3 where clone cannot stand in (tests/progs/clone3_only.c): with
# CLONE_CLEAR_SIGHAND and no fallback it works traced as untraced, and its
# child is traced; clone_args that cannot be read are failed with ENOSYS,
# and epolltrace says so.
. "$TESTS_SRCDIR/e2e/lib.sh"

PER_ABI=6
plan $((2 * PER_ABI))
for abi in $ABIS; do
	abi_prog clone3_only $abi $PER_ABI || continue
	check_runs "$abi clear-sighand" 0 "$WORKDIR/log" -qq -- "$prog" clear-sighand
	check "$abi clear-sighand: the child's epoll_create1 is shown" \
		grep -Eq 'epoll_create1\(0\) += [0-9]' "$WORKDIR/log"

	run_untraced "$prog" unreadable
	check_status "$abi unreadable: exit status untraced" 0 "$RC"
	timeout $HANG_GUARD "$EPOLLTRACE" -f -qq -o "$WORKDIR/log" -- "$prog" unreadable \
		</dev/null 2>"$WORKDIR/err"
	check_status "$abi unreadable: exit status under epolltrace" 0 "$?"
	check "$abi unreadable: epolltrace says it failed the call with ENOSYS" \
		grep -Eq "^epolltrace: [0-9]+: clone3's arguments could not be copied without CLONE_UNTRACED, so it failed with ENOSYS" \
		"$WORKDIR/err"
done
