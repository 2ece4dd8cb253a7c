#!/bin/sh
# --backend=bpf follows more processes over a run than its table of
# traced processes holds at once (tests/progs/many_children: one child
# after another, each making one epoll_create1): a process that ended
# leaves the table, so every child is traced, the last as the first.
# With more alive at once than it holds, the children it has no room for
# are counted and told (on the trace, in -c's summary and in --json's).
. "$TESTS_SRCDIR/e2e/lib.sh"

# Above the table's 4096 entries.
CHILDREN=5000

plan 7

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

# Above the table's room: the command and 4095 children.
TOGETHER=4200
for abi in $ABIS; do
	name="$abi: $TOGETHER children alive at once"
	if [ -n "$BPF_WHY" ]; then
		skip_n 2 "$name: $BPF_WHY"
		continue
	fi
	abi_prog many_children $abi 2 || continue
	timeout $HANG_GUARD "$EPOLLTRACE" -f -qq -c --backend=bpf -e trace=epoll_create1 \
		-- "$prog" $TOGETHER together </dev/null >"$WORKDIR/together.out" 2>"$WORKDIR/together.err"
	RC=$?
	told=$(sed -n 's/^epolltrace: \([0-9]*\) processes untraced, their calls lost (table of 4096 traced processes full)$/\1/p' \
		"$WORKDIR/together.err" | awk '{ n += $1 } END { print n + 0 }')
	in_summary=$(sed -n 's/^epolltrace: \([0-9]*\) processes untraced (table of traced processes full), their calls not counted above$/\1/p' \
		"$WORKDIR/together.err")
	counted=$(awk '$NF == "total" { print $(NF - 1) }' "$WORKDIR/together.err")
	if [ "$RC" = 0 ] && [ "$told" -gt 0 ] && [ "$told" = "$in_summary" ]; then
		ok "$name: the untraced ones are told as they happen, and their sum in -c's summary"
	else
		not_ok "$name: the untraced ones are told as they happen, and their sum in -c's summary"
		echo "exit status $RC; told $told, in the summary '$in_summary'" | diag
		tail -n 20 "$WORKDIR/together.err" | diag
	fi
	check_status "$name: the calls counted and the processes untraced add up to the children" \
		$TOGETHER $((${counted:-0} + ${in_summary:-0}))
done

name="--json -c: the summary has processes_untraced"
if [ -n "$BPF_WHY" ]; then
	skip "$name: $BPF_WHY"
elif prog=$(prog_path many_children x86_64); then
	timeout $HANG_GUARD "$EPOLLTRACE" -f -qq -c --json --backend=bpf -e trace=epoll_create1 \
		-- "$prog" $TOGETHER together </dev/null >"$WORKDIR/together.json" 2>"$WORKDIR/together.json.err"
	check "$name" grep -Eq '"type":"summary".*"processes_untraced":[1-9][0-9]*' \
		"$WORKDIR/together.json.err"
else
	skip "$name: $(missing_reason x86_64)"
fi
