# Shared by the --top tests: the loop they watch (tests/progs/top_loop),
# and reading a row of the instances' table.  Sourced after lib.sh.

# start_loop: top_loop runs untraced; sets LOOP_PID, TICKS_EPFD, SPIN_EPFD.
# Without them a test's first check could still pass (an empty epfd
# matches any in its row's pattern), so their absence is said.
start_loop() {
	"$PROGS_DIR/top_loop" "$WORKDIR/count" >"$WORKDIR/loop.out" 2>&1 &
	LOOP_PID=$!
	track $LOOP_PID
	wait_until grep -q '^spin epfd=' "$WORKDIR/loop.out"
	TICKS_EPFD=$(sed -n 's/^ticks epfd=//p' "$WORKDIR/loop.out")
	SPIN_EPFD=$(sed -n 's/^spin epfd=//p' "$WORKDIR/loop.out")
	[ -n "$TICKS_EPFD" ] && [ -n "$SPIN_EPFD" ] && return 0
	echo "top_loop (pid $LOOP_PID, state $(proc_state /proc/$LOOP_PID)) did not print its epfds; its output:" | diag
	diag <"$WORKDIR/loop.out"
	return 1
}

stop_loop() {
	kill -KILL "$LOOP_PID" 2>/dev/null
	wait "$LOOP_PID" 2>/dev/null
	untrack "$LOOP_PID"
}

# ticks: what the loop has counted.
ticks() { cat "$WORKDIR/count" 2>/dev/null || echo 0; }

# loop_goes_on: its count grows (its loop still serves its timer).
loop_goes_on() {
	lg_from=$(ticks)
	wait_until sh -c "[ \"\$(cat '$WORKDIR/count')\" -gt $lg_from ]"
}

# row_of FILE PID EPFD: the last row of that instance in FILE (a screen or
# --batch's text), its fields separated by spaces.
row_of() {
	awk -v pid="$2" -v epfd="$3" '$1 == pid && $2 == epfd { row = $0 } END { print row }' "$1"
}

# column FILE TITLE: the field number of TITLE in the last title line of FILE.
column() {
	awk -v t="$2" '/EPFD/ { for (i = 1; i <= NF; i++) { n = $i; sub(/^\*/, "", n); if (n == t) c = i } } END { print c }' "$1"
}

# field FILE PID EPFD TITLE: that instance's value in the column TITLE.
field() {
	f_col=$(column "$1" "$4")
	row_of "$1" "$2" "$3" | awk -v c="$f_col" '{ print $c }'
}

# between VALUE LOW HIGH: LOW <= VALUE <= HIGH (decimals allowed).
between() { awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v != "" && v + 0 >= lo && v + 0 <= hi) }'; }
