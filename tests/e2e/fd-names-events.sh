#!/bin/sh
# -y names the fd behind a returned event when the event's data is that
# fd's number (the registration the model has for the data says so); data
# that is no fd number is left bare.  attach-options.sh checks it under -p.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 4
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
