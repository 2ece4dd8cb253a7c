#!/bin/sh
# -y names the fd behind a returned event when the event's data is that
# fd's number (the registration the model has for the data says so), in
# a started command and under -p; data that is no fd number is left bare.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 6
prog=$PROGS_DIR/diag_ok_request_response
out=$WORKDIR/trace

"$EPOLLTRACE" -y -o "$out" -- "$prog" >/dev/null
check_status "command: the program exits 0" 0 $?
check "command: an EPOLLIN event names its pipe" \
	grep -q 'events=EPOLLIN, data=0x[0-9a-f]*<pipe:\[[0-9]*\]>}' "$out"
check "command: an EPOLLOUT event names its pipe" \
	grep -q 'events=EPOLLOUT, data=0x[0-9a-f]*<pipe:\[[0-9]*\]>}' "$out"

# epoll_calls registers data values that are not fd numbers: none is named.
"$EPOLLTRACE" -y -o "$out" -- "$PROGS_DIR/epoll_calls" >/dev/null 2>&1
bad=$(grep -o 'data=0x[0-9a-f]*<[^>]*>' "$out" | while IFS= read -r ann; do
	hex=${ann#data=0x}
	[ $((0x${hex%%<*})) -lt 4096 ] || echo "$ann"
done)
check "command: no name after data that is no fd number" [ -z "$bad" ]

# -p: a Python loop waiting on its stdin (a fifo), with data = fd as
# selectors keeps it, is attached to and fed a line at a time.
if ! command -v python3 >/dev/null; then
	skip_n 2 "python3 is not installed"
	exit 0
fi
mkfifo "$WORKDIR/in"
python3 -c '
import selectors, sys
sel = selectors.EpollSelector()
sel.register(0, selectors.EVENT_READ)
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        line = sys.stdin.readline()
        if line in ("", "quit\n"):
            sys.exit(0)
        print(line.strip(), flush=True)
' <"$WORKDIR/in" >"$WORKDIR/loop.out" &
loop=$!
track $loop
exec 8>"$WORKDIR/in"
wait_until grep -qx ready "$WORKDIR/loop.out"
start_tracer "$out" "$loop" -y
wait_until attached "$loop" "$out"
echo one >&8
wait_until grep -qx one "$WORKDIR/loop.out"
echo two >&8
wait_until grep -qx two "$WORKDIR/loop.out"
wait_until grep -q 'data=0<' "$out"
kill -INT $TRACER_PID
await_exit $TRACER_PID
check "-p: an event of the loop's stdin names its fifo" \
	grep -q "events=EPOLLIN, data=0<$WORKDIR/in>}" "$out"
echo quit >&8
exec 8>&-
await_exit $loop
check_status "-p: the loop exits 0 after the detach" 0 "$RC"
