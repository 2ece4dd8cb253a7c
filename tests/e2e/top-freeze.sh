#!/bin/sh
# --top's freeze key (g) on a forking loop, in a real terminal (tmux):
# tests/progs/top_fork_loop forks a short-lived child at each wake-up and,
# once traced, a lasting child with a loop of its own.  Every traced
# process, children too, must be left stopped and untraced, be named in
# the line that says how to resume them, and go on serving once resumed.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/top-tmux-lib.sh"

TESTS=6
tmux_plan $TESTS || exit 0

"$PROGS_DIR/top_fork_loop" "$WORKDIR/count" >"$WORKDIR/loop.out" 2>&1 &
PARENT=$!
track $PARENT
view -p "$PARENT"
if view_refused $TESTS; then exit 0; fi
wait_until grep -q '^child pid=' "$WORKDIR/loop.out"
CHILD=$(sed -n 's/^child pid=//p' "$WORKDIR/loop.out")
track "$CHILD"

both_rows() { shows "^ +$PARENT +[0-9]+ +1 " && grep -Eq "^ +$CHILD +[0-9]+ +1 " "$SCREEN"; }
if wait_until both_rows; then ok "the rows of the loop and of the child it forked once traced"
else not_ok "the rows of the loop and of the child it forked once traced"; explain; fi

# The short-lived children's rows leave with them; kept, 50 a second, they
# would push the others off the screen (first when pids wrap around, as
# they sort first then).  A frame may catch one alive: the next is looked at.
only_live_rows() {
	both_rows || return 1
	for pid in $(awk '/EPFD/ { rows = 1; next } rows && /^ +[0-9]+ +[0-9]+ / { print $1 }' "$SCREEN"); do
		! ended "$pid" || return 1
	done
}
if wait_until only_live_rows; then ok "... and no row of a child that has ended"
else not_ok "... and no row of a child that has ended"; explain; fi

# tree: the loop and every process below it, one pid a line.
tree() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$PARENT" '
		# The name may hold spaces and parentheses: the state follows the last ") ".
		{ rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); parent[$1] = f[2] }
		END {
			print root
			seen[root] = 1
			do {
				more = 0
				for (p in parent)
					if (!(p in seen) && (parent[p] in seen)) {
						seen[p] = 1; print p; more = 1
					}
			} while (more)
		}'
}
# tree_frozen: every process of the tree stopped (or, a short-lived child
# caught as it ended, a zombie) and untraced, the lasting child among them.
tree_frozen() {
	tree >"$WORKDIR/tree"
	grep -qx "$CHILD" "$WORKDIR/tree" || return 1
	while read -r pid; do
		case $(proc_state "/proc/$pid") in
		T) [ "$(tracer_of "/proc/$pid")" = 0 ] || return 1 ;;
		Z | '') ;;
		*) return 1 ;;
		esac
	done <"$WORKDIR/tree"
}
explain_tree() {
	while read -r pid; do
		echo "pid $pid: state $(proc_state "/proc/$pid"), TracerPid $(tracer_of "/proc/$pid")"
	done <"$WORKDIR/tree" | diag
	diag <"$WORKDIR/top.err"
}

keys g
if wait_until ended_with 0 && wait_until tree_frozen; then
	ok "g: the loop and every child it forked are left stopped and untraced"
else
	not_ok "g: the loop and every child it forked are left stopped and untraced"; explain_tree
fi

# The line names every process it stopped: the resume command is tested by using it.
resume=$(sed -n 's/^epolltrace: pids \([0-9,]*\) are stopped and untraced: inspect one with gdb -p [0-9]*; resume them with kill -CONT \([0-9 ]*\)$/\2/p' "$WORKDIR/top.err")
if echo " $resume " | grep -q " $PARENT " && echo " $resume " | grep -q " $CHILD "; then
	ok "... and says how to resume them all, the loop and its child among them"
else
	not_ok "... and says how to resume them all, the loop and its child among them"; diag <"$WORKDIR/top.err"
fi
# shellcheck disable=SC2086
kill -CONT $resume 2>/dev/null
goes_on() {
	go_from=$(cat "$1" 2>/dev/null || echo 0)
	wait_until sh -c "[ \"\$(cat '$1')\" -gt $go_from ]"
}
check "after SIGCONT the loop goes on serving" goes_on "$WORKDIR/count"
check "... and so does its child" goes_on "$WORKDIR/count.child"
