#!/bin/sh
# epolltrace --top --batch: the instances' table as text every interval,
# for a loop with known rates (tests/progs/top_loop: one instance woken
# 20 times a second by a timer, one polled with zero timeouts); its
# diagnostics; the trace going to -o at the same time; the options.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/top-lib.sh"

plan 17

OUT=$WORKDIR/top.txt

# frames FILE: how many frames FILE holds.
frames() { grep -c '^epolltrace: pids\? ' "$1" 2>/dev/null; }
has_frames() { [ "$(frames "$1")" -ge "$2" ]; }

# The last complete frame of FILE, into FILE.last.
last_frame() {
	awk '/^epolltrace: pids? / { n++; frame[n] = "" } n { frame[n] = frame[n] $0 "\n" }
	     END { printf "%s", frame[n - 1] }' "$1" >"$1.last"
}

# A command under --top: the table goes to stdout (a file: batch even
# without --batch), the trace to -o.
STARTED=$(date +%s)
"$EPOLLTRACE" --top --interval=2 --spin-waits=100 -o "$WORKDIR/trace.log" -- \
	"$PROGS_DIR/top_loop" "$WORKDIR/count" >"$OUT" 2>"$WORKDIR/top.err" &
TRACER=$!
track $TRACER
wait_until grep -q '^spin epfd=' "$OUT"
TICKS_EPFD=$(sed -n 's/^ticks epfd=//p' "$OUT")
SPIN_EPFD=$(sed -n 's/^spin epfd=//p' "$OUT")
LOOP_PID=$(sed -n 's/^epolltrace: pid \([0-9]*\),.*/\1/p' "$OUT" | head -1)
wait_until has_frames "$OUT" 5
kill -TERM $TRACER
wait $TRACER
RC=$?
SECS=$(($(date +%s) - STARTED + 1))
untrack $TRACER
last_frame "$OUT"
F=$OUT.last

explain() { diag <"$OUT"; }

titles=$(grep -c '^ *\*PID  *EPFD  *FDS  *WARN  *WAIT/s  *WAKE/s  *EV/s  *EV/WAKE  *TMOUT/s  *BLOCK  *P50us  *P99us  *ITER99us  *EINTR/s$' "$OUT")
check "every frame has a header and the columns' titles" [ "$(frames "$OUT")" -eq "$titles" ]
# The first frame at the start, then one per interval, however many calls
# (thousands a second) come: never more, on any machine.
nframes=$(frames "$OUT")
check "a frame per interval, never per call: $nframes frames in under $SECS s at --interval=2" \
	[ "$nframes" -le $((SECS / 2 + 2)) ]
check "the header names the traced pid and its 2 threads" \
	grep -Eq "^epolltrace: pid $LOOP_PID, 2 threads, [0-9]+s \| [0-9]+ epoll calls/s \| tracer CPU [0-9.]+%" "$F"

# The timer fires 20 times a second, each wait returns its one event.  A
# loaded machine delays the loop (a late wait reads several expirations at
# once), never speeds it up: the tolerance is 5% above (the frame's edges),
# 75% below.
waits=$(field "$F" "$LOOP_PID" "$TICKS_EPFD" WAIT/s)
if between "$waits" 5 21; then ok "the timer's instance: 20 waits/s, 5% above to 75% below ($waits)"
else not_ok "the timer's instance: 20 waits/s, 5% above to 75% below ($waits)"; explain; fi
check "... as many wake-ups and events" eval \
	"[ '$(field "$F" "$LOOP_PID" "$TICKS_EPFD" WAKE/s)' = '$waits' ] && [ '$(field "$F" "$LOOP_PID" "$TICKS_EPFD" EV/s)' = '$waits' ]"
check "... no timeouts, 1 event per wake-up of 8, 3 fds registered" eval \
	"[ '$(field "$F" "$LOOP_PID" "$TICKS_EPFD" TMOUT/s)' = 0.0 ] && [ '$(field "$F" "$LOOP_PID" "$TICKS_EPFD" EV/WAKE)' = 1.0/8 ] && [ '$(field "$F" "$LOOP_PID" "$TICKS_EPFD" FDS)' = 3 ]"
check "... its p50 blocked time is the timer's period, 50 ms within 25%" \
	between "$(field "$F" "$LOOP_PID" "$TICKS_EPFD" P50us)" 37500 62500
# A wait counts whole in the frame it ends in, so one thread may show a
# little over 100%.  A loaded machine delays the tracer's handling of each
# wait's entry, which counts as not blocked: no lower bound holds on any
# machine but the spinning instance's, whose waits never block.
tick_block=$(field "$F" "$LOOP_PID" "$TICKS_EPFD" BLOCK | tr -d %)
spin_block=$(field "$F" "$LOOP_PID" "$SPIN_EPFD" BLOCK | tr -d %)
if between "$tick_block" 0 200 && awk -v t="$tick_block" -v s="$spin_block" \
	'BEGIN { exit !(s != "" && t > s) }'; then
	ok "... blocked more of the time than the spinning instance ($tick_block% > $spin_block%)"
else
	not_ok "... blocked more of the time than the spinning instance ($tick_block% > $spin_block%)"
	explain
fi
spin_waits=$(field "$F" "$LOOP_PID" "$SPIN_EPFD" WAIT/s)
check "the spinning instance: every wait a timeout, no wake-up ($spin_waits waits/s)" eval \
	"[ '$(field "$F" "$LOOP_PID" "$SPIN_EPFD" TMOUT/s)' = '$spin_waits' ] && [ '$(field "$F" "$LOOP_PID" "$SPIN_EPFD" WAKE/s)' = 0.0 ] && between '$spin_waits' 1 1000000"
# Its loop sleeps 200 us between waits: no iteration is shorter, on any machine.
iter=$(field "$F" "$LOOP_PID" "$SPIN_EPFD" ITER99us)
if between "$iter" 200 1000000000; then ok "... its loop's iterations: p99 at least the 200 us it sleeps ($iter us)"
else not_ok "... its loop's iterations: p99 at least the 200 us it sleeps ($iter us)"; explain; fi
check "... with its spin-loop warning counted and printed once" eval \
	"[ '$(field "$F" "$LOOP_PID" "$SPIN_EPFD" WARN)' = 1 ] && [ \$(grep -c '^\[spin-loop\] pid $LOOP_PID epfd $SPIN_EPFD: ' '$OUT') = 1 ]"
check "the trace goes on to -o meanwhile" \
	grep -Eq "^[0-9]+ +epoll_wait\($SPIN_EPFD, \[\], 4, 0\) += 0\$" "$WORKDIR/trace.log"
check_status "SIGTERM went on to the command: epolltrace exits as it did" 143 "$RC"

# Attached with -p, and detached by SIGTERM (a background job ignores SIGINT);
# with -c and no -o, whose summary goes to stderr as strace's does.
start_loop
# The first run's frames must not count as this one's, should it start late.
rm -f "$OUT"
"$EPOLLTRACE" --top --batch -c --interval=0.5 -p "$LOOP_PID" >"$OUT" 2>"$WORKDIR/top.err" &
TRACER=$!
track $TRACER
wait_until has_frames "$OUT" 3
kill -TERM $TRACER
wait $TRACER
RC=$?
untrack $TRACER
last_frame "$OUT"
if [ -n "$(row_of "$F" "$LOOP_PID" "$TICKS_EPFD")" ] && [ -n "$(row_of "$F" "$LOOP_PID" "$SPIN_EPFD")" ]; then
	ok "-p: the rows of both instances"
else
	not_ok "-p: the rows of both instances"; echo "loop $LOOP_PID, epfds $TICKS_EPFD $SPIN_EPFD, status $RC" | diag; explain; diag <"$WORKDIR/top.err"
fi
check "-p: SIGTERM detaches; the loop runs on untraced" eval \
	"[ $RC = 0 ] && [ '$(tracer_of /proc/$LOOP_PID)' = 0 ]" && loop_goes_on
stop_loop
if grep -q '^% time  *seconds  *usecs/call  *calls  *errors syscall$' "$WORKDIR/top.err" &&
   grep -Eq '^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[1-9][0-9]* +([0-9]+ +)?epoll_wait$' "$WORKDIR/top.err" &&
   grep -Eq "^ +$LOOP_PID +$SPIN_EPFD +[1-9][0-9]* +0 +[1-9]" "$WORKDIR/top.err" &&
   ! grep -q '^% time' "$OUT"; then
	ok "-c without -o: its summary on stderr, with the instances' waits"
else
	not_ok "-c without -o: its summary on stderr, with the instances' waits"; diag <"$WORKDIR/top.err"
fi

# The options.
"$EPOLLTRACE" --batch true 2>"$WORKDIR/err"
RC=$?
"$EPOLLTRACE" --top --interval=0 true 2>>"$WORKDIR/err"
RC2=$?
"$EPOLLTRACE" --top --batch --dump true 2>>"$WORKDIR/err"
RC3=$?
check "--batch without --top, --interval=0, and --dump under --top without -o, are refused" eval \
	"[ $RC = 64 ] && [ $RC2 = 64 ] && [ $RC3 = 64 ] && grep -q 'give --top --batch' '$WORKDIR/err' && grep -q 'give seconds from 0.1' '$WORKDIR/err' && grep -q '^epolltrace: .*--dump under --top .*add -o FILE' '$WORKDIR/err'"
