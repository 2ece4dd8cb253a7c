#!/bin/sh
# The attach header (output/interest_header.c, through tests/unit/interest-dump)
# of tests/progs/many_fds, a process with an fd of every kind, a disarmed
# ONESHOT entry, ghosts and N extra registrations: each line has the
# documented form, names what many_fds says it registered, and the lines
# together are exactly what /proc/PID/fdinfo holds.
. "$TESTS_SRCDIR/e2e/lib.sh"

DUMP=$TESTS_BUILDDIR/unit/interest-dump
EXTRA=1000

plan 8

FIXTURE_PID=
stop_fixture() {
	exec 3>&-
	[ -n "$FIXTURE_PID" ] && wait "$FIXTURE_PID"
	FIXTURE_PID=
}
trap 'stop_fixture; rm -rf "$WORKDIR"' EXIT

# start_fixture N: many_fds N, its stdin held open on fd 3, until "ready".
start_fixture() {
	mkfifo "$WORKDIR/stdin"
	"$PROGS_DIR/many_fds" "$1" "$WORKDIR" <"$WORKDIR/stdin" >"$WORKDIR/fixture.out" &
	FIXTURE_PID=$!
	exec 3>"$WORKDIR/stdin"
	wait_until fixture_ready_or_gone && grep -qx ready "$WORKDIR/fixture.out"
}

# Waiting is over when the fixture is ready, or gone (which fails the wait).
fixture_ready_or_gone() {
	grep -qx ready "$WORKDIR/fixture.out" || ! kill -0 "$FIXTURE_PID" 2>/dev/null
}

if ! [ -x "$PROGS_DIR/many_fds" ] || ! [ -x "$DUMP" ]; then
	skip_n 8 "many_fds or interest-dump not built"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	skip_n 8 "python3 is not installed"
	exit 0
fi
if ! start_fixture $EXTRA; then
	not_ok "many_fds $EXTRA starts"
	diag <"$WORKDIR/fixture.out"
	skip_n 7 "no fixture"
	exit 0
fi
ok "many_fds $EXTRA starts"

timeout $HANG_GUARD "$DUMP" "$FIXTURE_PID" >"$WORKDIR/header" 2>"$WORKDIR/dump.err"
check_status "interest-dump exits with 0" 0 $?
diag <"$WORKDIR/dump.err"

# Every line is a registration or an empty instance of this pid.
p="epolltrace: pid $FIXTURE_PID epfd [0-9]+: "
reg="fd [0-9]+ <.+> events=[A-Za-z0-9|]+( \\(disarmed\\))? data=(0|0x[0-9a-f]+)"
if grep -Evx "$p($reg|no registrations)" "$WORKDIR/header" >"$WORKDIR/bad" ||
   ! [ -s "$WORKDIR/header" ]; then
	not_ok "every line has the header's form"
	diag <"$WORKDIR/bad"
else
	ok "every line has the header's form"
fi

# Each fd kind, the TCP and UDP ports, the disarmed and ghost marks, the
# empty instance: the lines many_fds expects, each exactly present.
sed -n "s/^expect /epolltrace: pid $FIXTURE_PID /p" "$WORKDIR/fixture.out" >"$WORKDIR/expected"
if [ "$(wc -l <"$WORKDIR/expected")" -ge 18 ] &&
   grep -Fxvf "$WORKDIR/header" "$WORKDIR/expected" >"$WORKDIR/missing"; then
	not_ok "the fixture's fds are described as it expects"
	echo "missing lines:" | diag
	diag <"$WORKDIR/missing"
elif [ "$(wc -l <"$WORKDIR/expected")" -lt 18 ]; then
	not_ok "the fixture's fds are described as it expects"
	echo "the fixture printed too few expect lines" | diag
else
	ok "the fixture's fds are described as it expects"
fi

# Exact equality with a separate parser of /proc/PID/fdinfo.
if python3 "$TESTS_SRCDIR/e2e/interest_oracle.py" "$FIXTURE_PID" "$WORKDIR/header" \
	>"$WORKDIR/oracle" 2>&1; then
	ok "the header holds exactly what fdinfo holds, $EXTRA extra fds"
else
	not_ok "the header holds exactly what fdinfo holds, $EXTRA extra fds"
fi
diag <"$WORKDIR/oracle"

# The same header from epolltrace -p itself, which holds the process still
# while it reads /proc; SIGTERM detaches (SIGINT may be ignored in a
# background job).
timeout $HANG_GUARD "$EPOLLTRACE" -q -p "$FIXTURE_PID" -o "$WORKDIR/attach.log" &
tracer=$!
want=$(wc -l <"$WORKDIR/header")
header_written() { [ "$(grep -c '^epolltrace: pid ' "$WORKDIR/attach.log" 2>/dev/null)" = "$want" ]; }
# Not there in time: the comparison below says what is missing.
wait_until header_written || true
kill -TERM $tracer
wait $tracer
grep '^epolltrace: pid ' "$WORKDIR/attach.log" >"$WORKDIR/attach-header"
compare_text "epolltrace -p prints the header interest-dump prints" \
	"$WORKDIR/header" "$WORKDIR/attach-header"
if python3 "$TESTS_SRCDIR/e2e/interest_oracle.py" "$FIXTURE_PID" "$WORKDIR/attach-header" \
	>"$WORKDIR/oracle" 2>&1; then
	ok "epolltrace -p: the header holds exactly what fdinfo holds"
else
	not_ok "epolltrace -p: the header holds exactly what fdinfo holds"
fi
diag <"$WORKDIR/oracle"

stop_fixture
timeout $HANG_GUARD "$DUMP" 999999999 >"$WORKDIR/gone" 2>&1
if [ $? = 0 ] && ! [ -s "$WORKDIR/gone" ]; then
	ok "a process that does not exist gives no lines"
else
	not_ok "a process that does not exist gives no lines"
	diag <"$WORKDIR/gone"
fi
