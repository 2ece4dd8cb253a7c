# Shared helpers of the end-to-end tests: TAP output, running a program
# under epolltrace and under strace, and comparing the two.  Every
# tests/e2e/*.sh sources this file; the harness sets EPOLLTRACE,
# TESTS_SRCDIR and TESTS_BUILDDIR.

: "${EPOLLTRACE:?EPOLLTRACE must name the epolltrace binary}"
: "${TESTS_SRCDIR:?}" "${TESTS_BUILDDIR:?}"

# Only a guard against hangs: a run that takes this long has failed.
HANG_GUARD=60
# The syscall lists of arch/syscalls.csv: EPOLL_SYSCALLS is what strace must
# trace to print what epolltrace prints by default (strace 6.1 does not know
# the epoll ioctls, which are checked separately), EPOLL_WAITS the waits.
. "$TESTS_BUILDDIR/syscalls.env"
PROGS_DIR=$TESTS_BUILDDIR/progs

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-e2e.XXXXXX") || exit 99
trap 'end_tracked; rm -rf "$WORKDIR"' EXIT

tap_count=0

plan() { echo "1..$1"; }

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $*"
}

not_ok() {
	tap_count=$((tap_count + 1))
	echo "not ok $tap_count - $*"
}

skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # SKIP $*"
}

# Copies stdin to the TAP stream as comments, each ended by a newline: a
# trace cut by a kill ends mid-line, and sed would join the next TAP line
# to it.
diag() { awk '{ print "# " $0 }'; }

# check NAME COMMAND...: one TAP line, ok when COMMAND succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# check_status NAME WANT GOT
check_status() {
	if [ "$3" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "exit status $3, want $2" | diag
	fi
}

# check_usage_error LABEL ERE COMMAND...: one TAP line, ok when COMMAND
# exits 64 (a usage error) with a line matching ERE on stderr.
check_usage_error() {
	cue_label=$1
	cue_ere=$2
	shift 2
	"$@" </dev/null >/dev/null 2>"$WORKDIR/usage.err"
	cue_rc=$?
	if [ "$cue_rc" = 64 ] && grep -Eq -- "$cue_ere" "$WORKDIR/usage.err"; then
		ok "$cue_label"
	else
		not_ok "$cue_label"
		show_file "status $cue_rc, stderr" "$WORKDIR/usage.err"
	fi
}

# The ABIs a test runs its programs in: i386 too when configure built them.
ABIS="x86_64 i386"

# prog_path NAME ABI: prints the program's path; fails when not built.
prog_path() {
	case $2 in
	x86_64) path=$PROGS_DIR/$1 ;;
	i386) path=$PROGS_DIR/$1.m32 ;;
	esac
	[ -x "$path" ] && echo "$path"
}

# Why prog_path found nothing, for a TAP skip.
missing_reason() {
	case $1 in
	i386) echo "no i386 build: configure found no working \$CC -m32" ;;
	*) echo "test program not built" ;;
	esac
}

# abi_prog NAME ABI N: sets prog to tests/progs/NAME built for ABI; when
# it was not built, N TAP skips and false (for "|| continue" in a loop).
abi_prog() {
	prog=$(prog_path "$1" "$2") && return 0
	skip_n "$3" "$(missing_reason "$2")"
	return 1
}

have_strace() { command -v strace >/dev/null 2>&1; }

# run_untraced COMMAND...: sets RC.
run_untraced() {
	timeout $HANG_GUARD "$@" </dev/null
	RC=$?
}

# How the tracers write their lines: "file" (-o LOG and -f, every line
# starting with the pid) or "stderr" (redirected to LOG, "[pid N] " prefixes).
OUTPUT_MODE=file

# run_tracer LOG TRACER ARGS...: runs TRACER ARGS... with its output in
# LOG; sets RC.
run_tracer() {
	log=$1
	tracer=$2
	shift 2
	if [ "$OUTPUT_MODE" = stderr ]; then
		timeout $HANG_GUARD "$tracer" "$@" </dev/null 2>"$log"
	else
		timeout $HANG_GUARD "$tracer" -o "$log" "$@" </dev/null
	fi
	RC=$?
}

# run_epolltrace LOG [OPTIONS] -- COMMAND...: with -f, as run_strace, so
# that every line of a file starts with the pid (--follow-forks, which a
# caller's -f does not make -ff).
run_epolltrace() {
	log=$1
	shift
	run_tracer "$log" "$EPOLLTRACE" --follow-forks "$@"
}

# run_strace LOG [OPTIONS] -- COMMAND...: strace -f with the epoll set
# (a later -e trace= of the caller overrides it).
run_strace() {
	log=$1
	shift
	run_tracer "$log" strace -f -e trace=$EPOLL_SYSCALLS "$@"
}

# normalise LOG [normalise-trace.pl OPTIONS]
normalise() {
	log=$1
	shift
	perl "$TESTS_SRCDIR/e2e/normalise-trace.pl" "$@" "$log"
}

# compare_with_strace NAME [OPTIONS] -- COMMAND...
#
# Runs COMMAND under strace and under epolltrace with the same OPTIONS and
# emits one TAP line: ok when the normalised outputs and the exit statuses
# are the same.  NORMALISE_OPTS (e.g. --per-task) and ALIGN (the -a column
# in effect) tune the normalisation.  Leaves the statuses in STRACE_RC and
# EPOLLTRACE_RC and the normalised logs in $WORKDIR.
compare_with_strace() {
	name=$1
	shift
	if ! have_strace; then
		skip "$name: strace is not installed"
		return
	fi
	run_strace "$WORKDIR/strace.log" "$@"
	STRACE_RC=$RC
	run_epolltrace "$WORKDIR/epolltrace.log" "$@"
	EPOLLTRACE_RC=$RC
	normalise "$WORKDIR/strace.log" --strace61 --align "${ALIGN:-40}" \
		$NORMALISE_OPTS >"$WORKDIR/want" 2>&1
	normalise "$WORKDIR/epolltrace.log" $NORMALISE_OPTS >"$WORKDIR/got" 2>&1
	# An empty reference would make any empty output pass.
	if [ -s "$WORKDIR/want" ] &&
	   diff -u "$WORKDIR/want" "$WORKDIR/got" >"$WORKDIR/diff" &&
	   [ "$STRACE_RC" = "$EPOLLTRACE_RC" ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "exit status: strace $STRACE_RC, epolltrace $EPOLLTRACE_RC" | diag
		echo "diff -u strace epolltrace:" | diag
		diag <"$WORKDIR/diff"
	fi
}

# compare_text NAME WANT_FILE GOT_FILE: ok when equal, else the diff.
compare_text() {
	if diff -u "$2" "$3" >"$WORKDIR/diff"; then
		ok "$1"
	else
		not_ok "$1"
		diag <"$WORKDIR/diff"
	fi
}

# skip_n N REASON: N skipped TAP lines.
skip_n() {
	i=0
	while [ $i -lt "$1" ]; do
		skip "$2"
		i=$((i + 1))
	done
}

# check_runs LABEL WANT_STATUS LOG [OPTIONS] -- COMMAND...
#
# Two TAP lines: COMMAND exits with WANT_STATUS untraced, and under
# epolltrace OPTIONS, which writes its trace to LOG.
check_runs() {
	runs_label=$1
	runs_want=$2
	runs_log=$3
	shift 3
	runs_opts=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		runs_opts="$runs_opts $1"
		shift
	done
	shift
	run_untraced "$@"
	check_status "$runs_label: exit status untraced" "$runs_want" "$RC"
	run_epolltrace "$runs_log" $runs_opts -- "$@"
	check_status "$runs_label: exit status under epolltrace" "$runs_want" "$RC"
}

# check_program LABEL WANT_STATUS COMMAND...
#
# Three TAP lines: COMMAND exits with WANT_STATUS untraced and under
# epolltrace (the programs check themselves, so this also says that every
# call behaved as untraced), and epolltrace's output is strace's.  Options
# of both tracers: $QUIET, -qq unless set.
check_program() {
	label=$1
	want=$2
	shift 2
	run_untraced "$@"
	check_status "$label: exit status untraced" "$want" "$RC"
	run_epolltrace "$WORKDIR/self.log" ${QUIET:--qq} -- "$@"
	check_status "$label: exit status under epolltrace" "$want" "$RC"
	if [ "$RC" != "$want" ]; then
		echo "epolltrace's output:" | diag
		diag <"$WORKDIR/self.log"
	fi
	compare_with_strace "$label: output is strace's" ${QUIET:--qq} -- "$@"
}

# check_program_in_each_abi NAME WANT_STATUS: check_program for the x86_64
# and the i386 build of tests/progs/NAME, three TAP lines each.
check_program_in_each_abi() {
	each_name=$1
	each_want=$2
	for each_abi in $ABIS; do
		if each_prog=$(prog_path "$each_name" $each_abi); then
			check_program "$each_abi $each_name" "$each_want" "$each_prog"
		else
			skip_n 3 "$(missing_reason $each_abi)"
		fi
	done
}

# ---- Running processes, for the tests that attach with -p ----

# The background processes a test started and has not reaped yet: killed
# when the test ends, so that a failing test leaves none behind.  Each is
# kept as PID:START, its start time: one that is not the shell's child (a
# worker, a command's child) may end unseen, and the suite forks so much
# that its pid may be another test's process by then, which must live.
TRACKED_PIDS=

# start_time PID: the start time in PID's stat (the comm field may hold
# spaces and parentheses: 20 fields after the last ") "); empty when gone.
start_time() { sed -n 's/^.*) //p' "/proc/$1/stat" 2>/dev/null | cut -d ' ' -f 20; }

track() { TRACKED_PIDS="$TRACKED_PIDS $1:$(start_time "$1")"; }

untrack() {
	untrack_left=
	for untrack_entry in $TRACKED_PIDS; do
		[ "${untrack_entry%%:*}" = "$1" ] || untrack_left="$untrack_left $untrack_entry"
	done
	TRACKED_PIDS=$untrack_left
}

end_tracked() {
	for end_entry in $TRACKED_PIDS; do
		end_pid=${end_entry%%:*}
		[ "$(start_time "$end_pid")" != "${end_entry#*:}" ] ||
			kill -KILL "$end_pid" 2>/dev/null
		wait "$end_pid" 2>/dev/null
	done
	TRACKED_PIDS=
}

# wait_until COMMAND...: runs COMMAND until it succeeds; fails when it has
# not after HANG_GUARD seconds.  A poll of a condition, not a guessed delay.
# The deadline is on the clock, not a count of tries, since COMMAND itself
# may take long (some start Python).  COMMAND's arguments are expanded once,
# by the caller: "wait_until test \"$(cat F)\" = 2" reads F once and
# waits for nothing; read a changing state in a function COMMAND names
# (tests/tree/waits.sh finds such waits).
wait_until() {
	wait_end=$(($(date +%s) + HANG_GUARD))
	until "$@"; do
		[ "$(date +%s)" -lt $wait_end ] || return 1
		sleep 0.02
	done
}

# proc_state DIR: the state letter in DIR/stat (DIR is /proc/PID or
# /proc/PID/task/TID); empty when the task is gone.  The comm field may
# hold spaces and parentheses: the state follows the last ") ".
proc_state() { sed -n 's/^.*) \(.\) .*/\1/p' "$1/stat" 2>/dev/null; }

# tracer_of DIR: the TracerPid in DIR/status, empty when the task is gone.
tracer_of() { sed -n 's/^TracerPid:[[:space:]]*//p' "$1/status" 2>/dev/null; }

# ended PID: the process has exited (a zombie until reaped, or gone).
ended() {
	case $(proc_state "/proc/$1") in
	'' | Z | X) return 0 ;;
	*) return 1 ;;
	esac
}

# await_exit PID: reaps the background process PID and sets RC to its
# status; after HANG_GUARD seconds kills it, sets RC=hung and fails.
await_exit() {
	untrack "$1"
	if ! wait_until ended "$1"; then
		kill -KILL "$1" 2>/dev/null
		wait "$1" 2>/dev/null
		RC=hung
		return 1
	fi
	wait "$1"
	RC=$?
}

# task_states PID: one line per task, "TID state TracerPid".
task_states() {
	for ts_dir in /proc/"$1"/task/*; do
		echo "${ts_dir##*/} $(proc_state "$ts_dir") $(tracer_of "$ts_dir")"
	done
}

# running_untraced PID: no task of PID has a tracer or is stopped (t or
# T), and the process is still there.
running_untraced() {
	task_states "$1" >"$WORKDIR/task-states"
	[ -s "$WORKDIR/task-states" ] &&
	! awk '$2 == "" || $2 ~ /^[tTZX]$/ || $3 != 0 { bad = 1 } END { exit !bad }' \
		"$WORKDIR/task-states"
}

# check_running_untraced LABEL PID: one TAP line; the tasks' states if not.
check_running_untraced() {
	if running_untraced "$2"; then
		ok "$1"
	else
		not_ok "$1"
		echo "tasks of $2 (tid, state, TracerPid):" | diag
		diag <"$WORKDIR/task-states"
	fi
}

# start_tracer LOG PIDS [OPTIONS...]: epolltrace -o LOG -p PIDS in the
# background, its stderr in LOG.err; sets TRACER_PID.  It starts with
# SIGINT and SIGQUIT ignored, as a script's background job does, and they
# still detach it (attach-sigint.sh).
start_tracer() {
	st_log=$1
	st_pids=$2
	shift 2
	"$EPOLLTRACE" --follow-forks -o "$st_log" "$@" -p "$st_pids" \
		</dev/null 2>"$st_log.err" 8>&- 9<&- &
	TRACER_PID=$!
	track $TRACER_PID
}

# attached PID LOG: epolltrace said on LOG.err that it attached to PID.
attached() { grep -Eq "^epolltrace: Process $1 attached( with [0-9]+ threads)?\$" "$2.err"; }

# With -o every line starts with the tid, padded as strace pads it ("%-5d ").
TID_PREFIX='^[0-9]+ +'

# has_traced_lines LOG N: LOG has at least N epoll_wait/epoll_ctl lines;
# LOG may not exist yet.
has_traced_lines() {
	htl_count=$(grep -Ec "${TID_PREFIX}epoll_(wait|ctl)\\(" "$1" 2>/dev/null)
	[ "${htl_count:-0}" -ge "$2" ]
}

# show_file TITLE FILE: the file (its first 40 lines) as TAP comments.
show_file() {
	echo "$1:" | diag
	head -n 40 "$2" 2>/dev/null | diag
}

# ---- tests/progs/echo_server and echo_client ----

# start_echo_server [WORKERS]: sets SERVER_PID and SERVER_PORT once the
# server says "ready"; its output goes to $WORKDIR/server.out.
USR1_SENT=0
start_echo_server() {
	"$PROGS_DIR/echo_server" "$@" </dev/null >"$WORKDIR/server.out" \
		2>"$WORKDIR/server.err" &
	SERVER_PID=$!
	track $SERVER_PID
	wait_until grep -qx ready "$WORKDIR/server.out" || return 1
	SERVER_PORT=$(sed -n 's/^port //p' "$WORKDIR/server.out")
}

# signal_server: one SIGUSR1 to the server, counted in USR1_SENT.
signal_server() {
	kill -USR1 "$SERVER_PID" && USR1_SENT=$((USR1_SENT + 1))
}

# server_acked: the server's handler has run for every SIGUSR1 sent (it
# prints "usr1 K" for the K-th).  Signals must not be sent faster, since
# a standard signal sent while one is pending is merged into it.
server_acked() { grep -qx "usr1 $USR1_SENT" "$WORKDIR/server.out"; }

# stop_echo_server: SIGTERM; sets SERVER_RC and SERVER_USR1 (the signals
# its handler counted).
stop_echo_server() {
	kill -TERM "$SERVER_PID"
	await_exit "$SERVER_PID"
	SERVER_RC=$RC
	SERVER_USR1=$(sed -n 's/^usr1=//p' "$WORKDIR/server.out")
}

# start_echo_client CONNECTIONS: echo_client on SERVER_PORT, its stdin
# on fd 8 and its stdout on fd 9 (fifos), so that each question gets its
# answer line; sets CLIENT_PID once its connections are up.
start_echo_client() {
	mkfifo "$WORKDIR/client.in" "$WORKDIR/client.out" || return 1
	"$PROGS_DIR/echo_client" "$SERVER_PORT" "$1" <"$WORKDIR/client.in" \
		>"$WORKDIR/client.out" 2>"$WORKDIR/client.err" &
	CLIENT_PID=$!
	track $CLIENT_PID
	exec 8>"$WORKDIR/client.in" 9<"$WORKDIR/client.out"
	read -r sec_line <&9 && [ "$sec_line" = connected ]
}

# client_says WORD: a line to the client; in a subshell, so that a client
# that has died kills only that with SIGPIPE.
client_says() { (echo "$1" >&8) 2>/dev/null; }

# client_replies: prints the number of replies the client has checked so
# far; fails if it does not answer (it has exited).
client_replies() {
	client_says mark && read -r cr_line <&9 && echo "${cr_line#replies=}"
}

# client_replies_above N: the client has checked more than N replies.
client_replies_above() {
	cra_now=$(client_replies) && [ "$cra_now" -gt "$1" ]
}

# stop_echo_client: sets CLIENT_RC and CLIENT_REPLIES (its final count).
# A connection that waits for a reply forever keeps it from exiting, so it
# is reaped (or killed by the hang guard) before its last line is read.
stop_echo_client() {
	client_says stop
	exec 8>&-
	await_exit "$CLIENT_PID"
	CLIENT_RC=$RC
	CLIENT_REPLIES=
	read -r sc_line <&9 && CLIENT_REPLIES=${sc_line#replies=}
	exec 9<&-
}

# nobody_can_run: copies epolltrace where the user nobody can run it (the
# build tree may sit in a private directory) and sets NOBODY_EPOLLTRACE;
# false, with NOBODY_WHY set, when this test cannot switch users.
nobody_can_run() {
	if [ "$(id -u)" != 0 ]; then
		NOBODY_WHY="the test does not run as root, so it cannot switch to another user"
		return 1
	fi
	if ! command -v setpriv >/dev/null 2>&1; then
		NOBODY_WHY="no setpriv to switch to the user nobody"
		return 1
	fi
	chmod 755 "$WORKDIR" && cp "$EPOLLTRACE" "$WORKDIR/epolltrace-nobody" &&
		chmod 755 "$WORKDIR/epolltrace-nobody" || return 1
	NOBODY_EPOLLTRACE=$WORKDIR/epolltrace-nobody
	if ! $AS_NOBODY "$NOBODY_EPOLLTRACE" -V >/dev/null 2>&1; then
		NOBODY_WHY="the user nobody cannot run $NOBODY_EPOLLTRACE"
		return 1
	fi
}

# A command prefix, unquoted, to run a command as the unprivileged user nobody
# (a word list, so that timeout and the like can run it).
AS_NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"

# ---- A program told to end by the end of its stdin ----

# start_stdin_prog: $prog in the background, its stdin a fifo held open
# on fd 7 (exec 7>&- ends it), its output in WORKDIR/out and WORKDIR/err;
# sets PID; fails unless it prints "ready".
start_stdin_prog() {
	rm -f "$WORKDIR/in" "$WORKDIR/out"
	mkfifo "$WORKDIR/in"
	"$prog" <"$WORKDIR/in" >"$WORKDIR/out" 2>"$WORKDIR/err" &
	PID=$!
	track $PID
	exec 7>"$WORKDIR/in"
	wait_until grep -qx ready "$WORKDIR/out"
}

# check_cycles N LABEL: runs the caller's function cycle up to N times,
# until one fails, setting FAILED; one TAP line, with the failing cycle,
# its FAILED and LOG.err when not ok.
check_cycles() {
	cc_n=0
	FAILED=
	while [ $cc_n -lt "$1" ] && cycle; do
		cc_n=$((cc_n + 1))
	done
	if [ $cc_n = "$1" ]; then
		ok "$2"
	else
		not_ok "$2"
		echo "cycle $cc_n: $FAILED" | diag
		show_file "epolltrace's stderr" "$LOG.err"
	fi
}

# detach_cleanly [SIG [TARGET]]: SIG (INT) to TRACER_PID, which must exit 0
# and leave TARGET (default $PID) untraced and running; sets RC, and FAILED
# when it fails.
detach_cleanly() {
	dc_sig=${1:-INT}
	dc_target=${2:-$PID}
	kill -"$dc_sig" "$TRACER_PID"
	await_exit "$TRACER_PID"
	if [ "$RC" != 0 ]; then
		FAILED="epolltrace exited with status $RC after SIG$dc_sig, want 0"
		return 1
	fi
	if ! running_untraced "$dc_target"; then
		FAILED="after SIG$dc_sig a thread is left traced or stopped: $(tr '\n' ';' <"$WORKDIR/task-states")"
		return 1
	fi
}

# cycles_in_each_abi NAME N WHAT: in each ABI, tests/progs/NAME started
# by start_stdin_prog, check_cycles N "ABI: WHAT", then that it runs on
# untraced and, at the end of its stdin, exits 0: 3 TAP lines per ABI.
cycles_in_each_abi() {
	for cia_abi in $ABIS; do
		abi_prog "$1" $cia_abi 3 || continue
		if ! start_stdin_prog; then
			skip_n 3 "$1 did not start"
			continue
		fi
		check_cycles "$2" "$cia_abi: $3"
		check_running_untraced "$cia_abi: $1 runs on, untraced" "$PID"
		exec 7>&-
		await_exit "$PID"
		check_status "$cia_abi: every call of $1 did as untraced (its exit status)" 0 "$RC"
		[ "$RC" = 0 ] || show_file "$1's stderr" "$WORKDIR/err"
	done
}

# bpf_why: sets BPF_WHY to what keeps the eBPF backend from running here,
# empty when it can.
bpf_why() {
	"$EPOLLTRACE" --backend=bpf -- true </dev/null 2>"$WORKDIR/why" >/dev/null
	case $? in
	0) BPF_WHY= ;;
	78) BPF_WHY=$(sed 's/^epolltrace: //' "$WORKDIR/why") ;;
	*) BPF_WHY="epolltrace --backend=bpf -- true failed: $(cat "$WORKDIR/why")" ;;
	esac
}
