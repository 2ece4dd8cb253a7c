#!/bin/sh
# --backend=bpf follows more processes over a run than its table of
# traced processes holds at once (tests/progs/many_children: one child
# after another, each making one epoll_create1): a process that ended
# leaves the table, so every child is traced, the last as the first.
. "$TESTS_SRCDIR/e2e/lib.sh"

# Above the table's 4096 entries.
CHILDREN=5000

plan 2

bpf_why
for abi in $ABIS; do
	name="$abi: all $CHILDREN children's epoll_create1 are traced, and the exit status kept"
	if [ -n "$BPF_WHY" ]; then
		skip "$name: $BPF_WHY"
		continue
	fi
	abi_prog many_children $abi 1 || continue
	run_epolltrace "$WORKDIR/log" -qq --backend=bpf -e trace=epoll_create1 -- "$prog" $CHILDREN
	traced=$(grep -c 'epoll_create1(0) *= [0-9]' "$WORKDIR/log")
	if [ "$RC" = 0 ] && [ "$traced" = $CHILDREN ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "exit status $RC; $traced of $CHILDREN calls traced" | diag
	fi
done
