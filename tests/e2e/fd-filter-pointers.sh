#!/bin/sh
# When a loop keeps pointers in data (tests/progs/pointer_data: fds 100,
# 101 and 102, two waits returning each), --fd and -c's hottest data still
# name the fds: an event is mapped to the fd of the registration with its
# data.  --fd=101 shows that fd's epoll_ctl and the two waits that returned
# it, and no other wait; -c lists each data value with its fd, in text and
# in --json; under -p the registrations come from /proc, as nginx's do.
. "$TESTS_SRCDIR/e2e/lib.sh"

PER_ABI=7
plan $((2 * PER_ABI))

LOG=$WORKDIR/trace.log

# count PATTERN FILE: the number of lines of FILE matching PATTERN.
count() { grep -c "$1" "$2"; }

# check_fd_lines LABEL N: LOG holds N epoll_ctl (of fd 101) and two waits.
check_fd_lines() {
	if [ "$(count '^epoll_ctl([0-9]*, EPOLL_CTL_ADD, 101, ' "$LOG")" = "$2" ] &&
	   [ "$(count '^epoll_wait([0-9]*, \[{events=EPOLLIN, data=0x[0-9a-f]*}\], 3, -1) *= 1$' "$LOG")" = 2 ] &&
	   [ "$(count '(' "$LOG")" = $((2 + $2)) ]; then
		ok "$1"
	else
		not_ok "$1"
		show_file "the trace" "$LOG"
	fi
}

for abi in $ABIS; do
	abi_prog pointer_data $abi $PER_ABI || continue
	"$EPOLLTRACE" -q -o "$LOG" --fd=101 -- "$prog"
	check_status "$abi: --fd: exit status" 0 $?
	check_fd_lines "$abi: --fd=101: its epoll_ctl and the two waits that returned it" 1

	# The model sees the registrations even where the trace leaves them out.
	"$EPOLLTRACE" -q -o "$LOG" --fd=101 -e trace=epoll_wait -- "$prog"
	check_fd_lines "$abi: --fd=101 -e trace=epoll_wait: the two waits" 0

	"$EPOLLTRACE" -c -o "$WORKDIR/summary" -- "$prog"
	sed -n '/^hottest data of /,/^$/p' "$WORKDIR/summary" >"$WORKDIR/hottest"
	if [ "$(awk '$1 == 2 && $2 ~ /^0x/ { print $3 }' "$WORKDIR/hottest" | sort | tr '\n' ' ')" = "100 101 102 " ]; then
		ok "$abi: -c: each pointer's events with its fd"
	else
		not_ok "$abi: -c: each pointer's events with its fd"
		diag <"$WORKDIR/summary"
	fi
	"$EPOLLTRACE" -c --json -o "$WORKDIR/summary.json" -- "$prog"
	if python3 - "$WORKDIR/summary.json" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    es = o.get("epoll") if isinstance(o, dict) else None
    if es:
        fds = sorted(h["fd"] for h in es["instances"][0]["hottest"])
        sys.exit(0 if fds == [100, 101, 102] else 1)
sys.exit(1)
PY
	then
		ok "$abi: -c --json: the same fds"
	else
		not_ok "$abi: -c --json: the same fds"
		head -c 3000 "$WORKDIR/summary.json" | diag
	fi

	# -p: registered before the attach, known from fdinfo.
	rm -f "$WORKDIR/in"
	mkfifo "$WORKDIR/in"
	"$prog" wait <"$WORKDIR/in" >"$WORKDIR/out" &
	target=$!
	track $target
	exec 7>"$WORKDIR/in"
	wait_until grep -qx ready "$WORKDIR/out"
	rm -f "$LOG"
	"$EPOLLTRACE" -q -o "$LOG" --fd=101 -p $target 2>"$LOG.err" &
	tracer=$!
	track $tracer
	# The attach header comes once every thread is attached.
	wait_until grep -q "^epolltrace: pid $target epfd " "$LOG"
	echo go >&7
	exec 7>&-
	await_exit $target
	check_status "$abi: -p: the program's exit status" 0 "$RC"
	await_exit $tracer
	# The attach header's lines are epolltrace's own: the rest is checked.
	grep -v '^epolltrace: ' "$LOG" >"$LOG.calls"
	mv "$LOG.calls" "$LOG"
	check_fd_lines "$abi: -p --fd=101: the two waits that returned it" 0
done
