#!/bin/sh
# -p of a process that holds no epoll instance, as nginx's master
# (tests/progs/master_workers: two workers and a worker's helper, each
# with an instance of its own): epolltrace says so and names the
# descendants that have one, with the -p that traces them; --children
# traces every descendant too, and detaching lets them all go.  In both
# ABIs.
. "$TESTS_SRCDIR/e2e/lib.sh"

PER_ABI=9
plan $((2 * PER_ABI + 5))

LOG=$WORKDIR/trace.log

# start_master: master_workers, its stdin on fd 7; sets MASTER, W1, W2 and
# HELPER once it has printed them.
start_master() {
	rm -f "$WORKDIR/in" "$WORKDIR/out"
	mkfifo "$WORKDIR/in"
	"$prog" <"$WORKDIR/in" >"$WORKDIR/out" &
	track $!
	exec 7>"$WORKDIR/in"
	wait_until grep -q '^master=' "$WORKDIR/out" || return 1
	set -- $(sed 's/[^0-9]/ /g' "$WORKDIR/out")
	MASTER=$1 W1=$2 W2=$3 HELPER=$4
	track $W1
	track $W2
	track $HELPER
}

# stop_master: ends its stdin; sets RC to its exit status.
stop_master() {
	exec 7>&-
	await_exit "$MASTER"
}

# detach: SIGINT to the tracer; sets RC to its exit status.
detach() {
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
}

# traced_pids: the pids whose epoll_wait lines LOG has (-f: each line's first field).
traced_pids() { awk '$2 ~ /^epoll_wait\(/ { print $1 }' "$LOG" | sort -un | tr '\n' ' '; }

# sorted PID...: the pids in order, as traced_pids prints them.
sorted() { printf '%s\n' "$@" | sort -n | tr '\n' ' '; }

# waits_traced_of PIDS: LOG has the waits of PIDS (as sorted prints them),
# and no other's; a function, so that wait_until reads LOG at each try.
waits_traced_of() { test "$(traced_pids)" = "$1"; }

for abi in $ABIS; do
	abi_prog master_workers $abi $PER_ABI || continue
	if ! start_master; then
		skip_n $PER_ABI "master_workers did not start"
		continue
	fi
	rm -f "$LOG"
	start_tracer "$LOG" "$MASTER"
	wait_until attached "$MASTER" "$LOG"
	comm=$(cat "/proc/$W1/comm")
	want="epolltrace: pid $MASTER has no epoll instance; its descendants with one: $W1 ($comm), $W2 ($comm), $HELPER ($comm); trace them with -p $W1,$W2,$HELPER, or add --children"
	if wait_until grep -qxF "$want" "$LOG.err"; then
		ok "$abi: -p of the master names the descendants with an instance"
	else
		not_ok "$abi: -p of the master names the descendants with an instance"
		echo "want: $want" | diag
		show_file "epolltrace's stderr" "$LOG.err"
	fi
	detach
	check_status "$abi: SIGINT detaches" 0 "$RC"

	rm -f "$LOG"
	start_tracer "$LOG" "$MASTER" --children
	wait_until attached "$HELPER" "$LOG"
	if attached "$MASTER" "$LOG" && attached "$W1" "$LOG" && attached "$W2" "$LOG" &&
	   attached "$HELPER" "$LOG"; then
		ok "$abi: --children attaches to the master and every descendant"
	else
		not_ok "$abi: --children attaches to the master and every descendant"
		show_file "epolltrace's stderr" "$LOG.err"
	fi
	check "$abi: --children: no word of where the instances are" \
		test "$(grep -c 'has no epoll instance' "$LOG.err")" = 0
	want=$(sorted "$W1" "$W2" "$HELPER")
	if wait_until waits_traced_of "$want"; then
		ok "$abi: --children: each descendant's waits are traced"
	else
		not_ok "$abi: --children: each descendant's waits are traced"
		echo "want the waits of $want, got those of $(traced_pids)" | diag
	fi
	detach
	check_status "$abi: --children: SIGINT detaches" 0 "$RC"
	check_running_untraced "$abi: --children: the helper runs on untraced" "$HELPER"
	check_running_untraced "$abi: --children: the master runs on untraced" "$MASTER"
	stop_master
	check_status "$abi: the master exits as if never traced" 0 "$RC"
done

sleep 600 </dev/null >/dev/null 2>&1 &
sleeper=$!
track $sleeper
"$EPOLLTRACE" -o "$LOG" -p $sleeper </dev/null 2>"$LOG.err" &
TRACER_PID=$!
track $TRACER_PID
wait_until grep -q 'has no epoll' "$LOG.err"
check "a process with no instance and no child: it says so" \
	grep -qx "epolltrace: pid $sleeper has no epoll instance, and no child process" "$LOG.err"
detach
kill $sleeper
await_exit $sleeper

# -q: a process traced until it exits: nothing on stderr.
# traced PID: some tracer has PID.
traced() { [ "$(tracer_of "/proc/$1")" != 0 ]; }
rm -f "$WORKDIR/in"
mkfifo "$WORKDIR/in"
head -n 1 <"$WORKDIR/in" >/dev/null &
reader=$!
track $reader
exec 7>"$WORKDIR/in"
"$EPOLLTRACE" -o "$LOG" -q -p $reader </dev/null 2>"$LOG.err" &
TRACER_PID=$!
track $TRACER_PID
wait_until traced $reader
echo done >&7
exec 7>&-
await_exit $reader
await_exit $TRACER_PID
check "-q: no word of where the instances are" test "$RC" = 0 -a ! -s "$LOG.err"

# --children of the shell that started epolltrace: epolltrace is one of
# its descendants, and is passed over without a word, not refused.
rm -f "$WORKDIR/tracer.pid" "$WORKDIR/tracer.rc"
sh -c '"$1" -o "$2" --children -p $$ </dev/null 2>"$2.err" &
	echo $! >"$3.pid"
	wait $!
	echo $? >"$3.rc"' sh "$EPOLLTRACE" "$LOG" "$WORKDIR/tracer" &
shell=$!
track $shell
wait_until test -s "$WORKDIR/tracer.pid"
TRACER_PID=$(cat "$WORKDIR/tracer.pid")
track $TRACER_PID
wait_until attached $shell "$LOG"
kill -INT "$TRACER_PID"
wait_until test -s "$WORKDIR/tracer.rc"
check "--children of its own shell: exit status 0 at the detach" \
	test "$(cat "$WORKDIR/tracer.rc" 2>/dev/null)" = 0
if grep -q 'epolltrace itself' "$LOG.err"; then
	not_ok "--children of its own shell: no word of itself"
	show_file "stderr" "$LOG.err"
else
	ok "--children of its own shell: no word of itself"
fi
await_exit $shell

check_usage_error "--children with a command is refused" '^epolltrace: --children goes with -p' \
	"$EPOLLTRACE" --children -- true
