#!/bin/sh
# epolltrace --top on a real terminal: tmux runs it, send-keys types and
# capture-pane reads the screen.  The loop watched is tests/progs/top_loop
# (one instance woken 20 times a second by a timer, one polled with zero
# timeouts).  Checked: the rows and their rates, drilling into an instance,
# the spin-loop warning, sort, pause, dump, a resize, quitting (-p detaches;
# a command asks first), and the freeze key leaving the loop stopped for
# gdb, which attaches, takes a backtrace and lets it go on serving.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/top-tmux-lib.sh"

TESTS=26
tmux_plan $TESTS || exit 0

start_loop
view -c -p "$LOOP_PID"
if view_refused $TESTS; then exit 0; fi
# The row of an instance: pid, epfd, then FDS and WARN.
ticks_row="^ +$LOOP_PID +$TICKS_EPFD +3 "
spin_row="^ +$LOOP_PID +$SPIN_EPFD +1 "

check_screen "a row for the timer's instance, with its 3 fds" "$ticks_row"
check_screen "a row for the spinning instance, with its fd" "$spin_row"
# 20 waits a second: a loaded machine delays the loop (a late wait reads
# several expirations), never speeds it up: 5% above, 75% below.
rate_ok() {
	shows "$ticks_row" && between "$(field "$SCREEN" "$LOOP_PID" "$TICKS_EPFD" WAIT/s)" 5 21 &&
	[ "$(field "$SCREEN" "$LOOP_PID" "$TICKS_EPFD" WAKE/s)" = "$(field "$SCREEN" "$LOOP_PID" "$TICKS_EPFD" WAIT/s)" ] &&
	[ "$(field "$SCREEN" "$LOOP_PID" "$TICKS_EPFD" TMOUT/s)" = 0.0 ]
}
if wait_until rate_ok; then ok "the timer's instance: 20 waits/s (5% above to 75% below), each a wake-up, no timeout"
else not_ok "the timer's instance: 20 waits/s (5% above to 75% below), each a wake-up, no timeout"; explain; fi
check_screen "the spin-loop warning in the diagnostics pane" \
	"^ +[0-9.]+s \[spin-loop\] pid $LOOP_PID epfd $SPIN_EPFD: "
check_screen "... and counted in its instance's row" "^ +$LOOP_PID +$SPIN_EPFD +1 +1 "

# The 100-column terminal shows the columns that fit, most important first.
check "the columns that fit in 100 columns" grep -Eq '^ +\*PID +EPFD +FDS +WARN +WAIT/s +WAKE/s +EV/s +EV/WAKE +TMOUT/s +BLOCK +P50us +P99us$' "$SCREEN"

# The selection stays on the instance it is on as rows come and go, and
# starts on the first row of the first frame, which may be the spinning
# instance's alone (its calls are seen first): Up moves it to the first
# row, the timer's (sorted by pid, then epfd).
keys Up Enter
check_screen "Enter shows the instance's interest list, checked against the kernel" \
	"pid $LOOP_PID epfd $TICKS_EPFD: 3 registered; model matches the kernel \(3 registrations\)"
check_screen "... the timer's fd first, with its events per second" \
	"^ +[0-9]+ +([5-9]|1[0-9]|2[01])\.[0-9] +[0-9.]+s +timerfd +EPOLLIN\|EPOLLERR\|EPOLLHUP +0x[0-9a-f]+\$"
check_screen "... the fired EPOLLONESHOT fd disarmed" \
	"^ +[0-9]+ +0\.0 +(-|[0-9.]+s) +ONESHOT disarmed +eventfd +EPOLLONESHOT +0x[0-9a-f]+\$"
keys Escape
check_screen "Escape goes back to the instances" '^ +\*PID +EPFD'

# s moves the sort to the next column: EPFD, FDS, WARN, then WAIT/s, where
# the spinning instance, far busier, comes first.
keys s s s s
first_row() { shows 'WAIT/s' && awk '/EPFD/ { getline; print $2; exit }' "$SCREEN"; }
spin_first() { shows '\*WAIT/s' && [ "$(first_row)" = "$SPIN_EPFD" ]; }
if wait_until spin_first; then ok "s sorts: by WAIT/s the spinning instance comes first"
else not_ok "s sorts: by WAIT/s the spinning instance comes first"; explain; fi

# p: the display stands still while tracing goes on.
keys p
check_screen "p pauses the display" '^epolltrace: .* \| PAUSED'
cp "$SCREEN" "$WORKDIR/paused"
from=$(ticks)
wait_until sh -c "[ \$(cat '$WORKDIR/count') -ge $((from + 40)) ]"
screen_
check "... nothing on it changes meanwhile (2 s of the loop)" cmp -s "$WORKDIR/paused" "$SCREEN"
keys p
elapsed() { sed -n 's/^epolltrace: .* thread[s]*, \([0-9]*\)s .*/\1/p' "$1"; }
moved_on() { shows '^epolltrace: ' && ! grep -q PAUSED "$SCREEN" &&
	     [ "$(elapsed "$SCREEN")" -gt "$(elapsed "$WORKDIR/paused")" ]; }
if wait_until moved_on; then ok "p again: frames go on"; else not_ok "p again: frames go on"; explain; fi

# d: the interest lists, into a file the screen names.
keys d
check_screen "d names the file it wrote" 'interest lists written to /.*/epolltrace-dump-[0-9]+-1\.txt'
dump=$(sed -n 's/.*interest lists written to \(.*\.txt\).*/\1/p' "$SCREEN")
check "... which holds both lists, checked against the kernel" eval \
	"grep -Eq '^epolltrace: dump: pid $LOOP_PID epfd $TICKS_EPFD: fd [0-9]+ <timerfd> events=EPOLLIN\|EPOLLERR\|EPOLLHUP data=0x[0-9a-f]+ reported=[1-9]' '$dump' &&
	 grep -q '^epolltrace: dump: pid $LOOP_PID epfd $SPIN_EPFD: model matches the kernel (1 registration)' '$dump'"

# A resize: 80x24 shows fewer columns, the most important.
tmux_ resize-window -t top -x 80 -y 24
check_screen "a resize to 80x24: the columns that fit, most important first" \
	'^ +\*?PID +\*?EPFD +\*?FDS +\*?WARN +\*?WAIT/s +\*?WAKE/s +\*?EV/s +\*?EV/WAKE +\*?TMOUT/s +\*?BLOCK$'

# q under -p: detached, the loop runs on untraced.
keys q
if wait_until ended_with 0 && [ "$(tracer_of /proc/$LOOP_PID)" = 0 ] && loop_goes_on; then
	ok "q detaches: epolltrace exits 0, the loop runs on untraced"
else
	not_ok "q detaches: epolltrace exits 0, the loop runs on untraced"; explain
fi
# -c without -o: the terminal was the view's, so the summary comes after it, on stderr.
if grep -q '^% time  *seconds  *usecs/call  *calls  *errors syscall$' "$WORKDIR/top.err" &&
   grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[1-9][0-9]* +([0-9]+ +)?epoll_wait$' "$WORKDIR/top.err"; then
	ok "-c: its summary on stderr once the view is closed"
else
	not_ok "-c: its summary on stderr once the view is closed"; diag <"$WORKDIR/top.err"
fi

# g under -p: stopped, untraced, for gdb.
view -p "$LOOP_PID"
wait_until shows "$ticks_row"
keys g
# The SIGSTOP left pending at the detach stops the loop once it runs again,
# which a loaded machine may let it do only after epolltrace has exited.
frozen() { [ "$(proc_state /proc/$LOOP_PID)" = T ] && [ "$(tracer_of /proc/$LOOP_PID)" = 0 ]; }
if wait_until ended_with 0 && wait_until frozen; then
	ok "g: epolltrace exits, the loop is left stopped and untraced"
else
	not_ok "g: epolltrace exits, the loop is left stopped and untraced"
	echo "state $(proc_state /proc/$LOOP_PID), TracerPid $(tracer_of /proc/$LOOP_PID), epolltrace's status $(cat "$WORKDIR/status" 2>/dev/null || echo none: still running)" | diag
	explain
fi
check "... and says how to debug and resume it" \
	grep -q "^epolltrace: pid $LOOP_PID is stopped and untraced: inspect it with gdb -p $LOOP_PID; resume it with kill -CONT $LOOP_PID\$" "$WORKDIR/top.err"
if command -v gdb >/dev/null 2>&1; then
	timeout $HANG_GUARD gdb -nx -batch -p "$LOOP_PID" -ex bt >"$WORKDIR/gdb.out" 2>&1
	check "gdb attaches to it and shows the loop's stack" grep -Eq 'in (main|sys_epoll_wait) ' "$WORKDIR/gdb.out" ||
		diag <"$WORKDIR/gdb.out"
else
	skip "gdb is not installed (.ci/install-deps installs it)"
fi
kill -CONT "$LOOP_PID"
check "after SIGCONT it goes on serving" loop_goes_on
stop_loop

# q on a command: it cannot run untraced, so q asks; any key but y closes
# the view and tracing goes on.
view -- "$PROGS_DIR/top_loop" "$WORKDIR/count"
wait_until shows '^epolltrace: pid [0-9]+'
LOOP_PID=$(sed -n 's/^epolltrace: pid \([0-9]*\),.*/\1/p' "$SCREEN")
track "$LOOP_PID"
keys q
check_screen "q on a command says it cannot run untraced" 'The command cannot run untraced: y ends it'
keys n
traced_quietly() {
	grep -q 'tracing goes on quietly until the command ends' "$WORKDIR/top.err" &&
	[ "$(tracer_of /proc/$LOOP_PID)" != 0 ] && [ ! -f "$WORKDIR/status" ]
}
if wait_until traced_quietly; then ok "... another key: the view closes, tracing goes on"
else not_ok "... another key: the view closes, tracing goes on"; explain; fi
kill -TERM "$LOOP_PID"
if wait_until ended_with 143; then ok "... until the command ends: its exit status"
else not_ok "... until the command ends: its exit status"; fi
untrack "$LOOP_PID"
