#!/bin/sh
# -y leaves a returned event's data bare, as strace's -y does
# (compare-options.sh compares it with strace).  --event-fds, epolltrace's
# own, names the fd behind the data when the data is that fd's number and
# the model has exactly one registration with it; data that is no fd
# number, or that two registrations share, is left bare.  attach-options.sh
# checks it under -p.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 9
prog=$PROGS_DIR/diag_ok_request_response
out=$WORKDIR/trace

"$EPOLLTRACE" -y -o "$out" -- "$prog" >/dev/null
check_status "-y: the program exits 0" 0 $?
check "-y: no event's data is named" sh -c '! grep -q "data=[0-9a-fx]*<" "$1"' sh "$out"

"$EPOLLTRACE" --event-fds -o "$out" -- "$prog" >/dev/null
check_status "--event-fds: the program exits 0" 0 $?
check "--event-fds: an EPOLLIN event names its pipe" \
	grep -q 'events=EPOLLIN, data=0x[0-9a-f]*<pipe:\[[0-9]*\]>}' "$out"
check "--event-fds: an EPOLLOUT event names its pipe" \
	grep -q 'events=EPOLLOUT, data=0x[0-9a-f]*<pipe:\[[0-9]*\]>}' "$out"
check "--event-fds without -y: arguments stay bare" \
	sh -c '! grep -Eq "epoll_[a-z]+\\([0-9]+<" "$1"' sh "$out"

# epoll_calls registers data values that are not fd numbers: none is named.
"$EPOLLTRACE" --event-fds -o "$out" -- "$PROGS_DIR/epoll_calls" >/dev/null 2>&1
bad=$(grep -o 'data=0x[0-9a-f]*<[^>]*>' "$out" | while IFS= read -r ann; do
	hex=${ann#data=0x}
	[ $((0x${hex%%<*})) -lt 4096 ] || echo "$ann"
done)
check "--event-fds: no name after data that is no fd number" [ -z "$bad" ]

# shared_data: a pipe and an eventfd share the pipe's number as data; the
# eventfd fires, then, alone with it, the pipe.
"$EPOLLTRACE" -qq --event-fds -- "$PROGS_DIR/shared_data" 2>"$out"
check_status "--event-fds, shared data: the program exits 0" 0 $?
grep 'epoll_wait' "$out" | sed -e 's/^epoll_wait([0-9]*, //' -e 's/ *= 1$//' \
	-e 's/pipe:\[[0-9]*\]/pipe:[N]/' >"$WORKDIR/got"
cat >"$WORKDIR/want" <<'WANT'
[{events=EPOLLIN, data=0x4}], 2, -1)
[{events=EPOLLIN, data=0x4<pipe:[N]>}], 2, -1)
WANT
compare_text "--event-fds, shared data: bare while two registrations have it, named once one has" \
	"$WORKDIR/want" "$WORKDIR/got"
