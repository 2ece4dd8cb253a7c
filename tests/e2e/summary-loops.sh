#!/bin/sh
# -c's loop iterations: the time from each wait's return to the same
# thread's next wait (tests/progs/loop_work.c: five waits, 20 ms of sleep
# between each two).  The section lists the instance (tid "all") and the
# thread, each with 4 iterations whose p50, p99 and max are at least
# 20000 usecs (a sleep lasts at least what it asks) and in order; --json's
# summary has the same figures.  In both ABIs.
. "$TESTS_SRCDIR/e2e/lib.sh"

PER_ABI=4
plan $((2 * PER_ABI))

# check_row LABEL FILE PID TID EPFD: one TAP line, FILE has the row
# "PID TID EPFD 4 P50 P99 MAX" with 20000 <= P50 <= P99 <= MAX.
check_row() {
	if awk -v pid="$3" -v tid="$4" -v epfd="$5" '
		$1 == pid && $2 == tid && $3 == epfd && NF == 7 { found++
			if ($4 == 4 && $5 >= 20000 && $5 <= $6 && $6 <= $7) good++ }
		END { exit !(found == 1 && good == 1) }' "$2"; then
		ok "$1"
	else
		not_ok "$1"
		diag <"$2"
	fi
}

for abi in $ABIS; do
	abi_prog loop_work $abi $PER_ABI || continue
	"$EPOLLTRACE" -c -o "$WORKDIR/summary" -- "$prog" >"$WORKDIR/out" 2>"$WORKDIR/err"
	check_status "$abi: exit status" 0 $?
	pid=$(sed -n 's/^pid=//p' "$WORKDIR/out")
	sed -n '/^loop iterations, /,/^$/p' "$WORKDIR/summary" >"$WORKDIR/loops"
	check_row "$abi: the instance's iterations" "$WORKDIR/loops" "$pid" all 3
	check_row "$abi: the thread's iterations" "$WORKDIR/loops" "$pid" "$pid" 3
	"$EPOLLTRACE" -c --json -o "$WORKDIR/summary.json" -- "$prog" >/dev/null 2>&1
	if python3 - "$WORKDIR/summary.json" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    es = o.get("epoll") if isinstance(o, dict) else None
    if not es:
        continue
    its = [es["instances"][0]["iterations"], es["threads"][0]["iterations"]]
    ok = all(i["count"] == 4 and 20000 <= i["p50_usecs"] <= i["p99_usecs"] <= i["max_usecs"]
             for i in its)
    sys.exit(0 if ok else 1)
sys.exit(1)
PY
	then
		ok "$abi: --json: the same iterations"
	else
		not_ok "$abi: --json: the same iterations"
		head -c 3000 "$WORKDIR/summary.json" | diag
	fi
done
