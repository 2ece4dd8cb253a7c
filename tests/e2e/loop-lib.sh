# Helpers of the tests that run real event loops (tests/loops: an asyncio
# echo server, a Node.js HTTP server, and load_client.py, which checks
# every reply): starting them, waiting for them, reading --dump's output.
# Sourced after lib.sh.

LOOPS_DIR=$TESTS_SRCDIR/loops
ORACLE=$TESTS_SRCDIR/e2e/interest_oracle.py

# need NAME...: the tools are installed; else sets NEED_WHY and fails.
# Sets PYTHON to python3's own executable: a version manager's python3
# (pyenv's shim is a shell script) may take a third of a second to start.
need() {
	for need_tool in "$@"; do
		if ! command -v "$need_tool" >/dev/null 2>&1; then
			NEED_WHY="$need_tool is not installed"
			return 1
		fi
	done
	PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
	[ -x "$PYTHON" ] || PYTHON=python3
}

# server_argv KIND PORTFILE: the command of a server (KIND asyncio or node),
# in SERVER_ARGV.  libuv (1.45 on) may submit its epoll_ctl calls through
# io_uring when UV_USE_IO_URING=1, hiding them from any tracer: the
# server runs without that variable, with libuv's default (see
# real-loop-node.sh).
server_argv() {
	case $1 in
	asyncio) SERVER_ARGV="$PYTHON $LOOPS_DIR/asyncio_echo.py $2" ;;
	node) SERVER_ARGV="env -u UV_USE_IO_URING node $LOOPS_DIR/node_http.js $2" ;;
	esac
}

# launch_server KIND DIR [PREFIX...]: the KIND server, run under PREFIX
# (epolltrace and its options) or as it is, with its port file in DIR; sets
# LAUNCHED_PID (what was started), port, and pid (the server's own pid);
# false when it does not come to listen.
launch_server() {
	ls_kind=$1
	ls_dir=$2
	shift 2
	server_argv "$ls_kind" "$ls_dir/port"
	# $SERVER_ARGV is unquoted on purpose: a word list.
	"$@" $SERVER_ARGV </dev/null >"$ls_dir/server.out" 2>"$WORKDIR/$ls_kind-server.err" &
	LAUNCHED_PID=$!
	track $LAUNCHED_PID
	wait_file "$LAUNCHED_PID" "$ls_dir/port" &&
		port=$(sed -n 1p "$ls_dir/port") &&
		pid=$(find_server "$LAUNCHED_PID" "$port")
}

# client_proto KIND: load_client.py's protocol for that server.
client_proto() {
	case $1 in
	asyncio) echo echo ;;
	node) echo http ;;
	esac
}

# there_or_dead PID FILE: FILE exists, or PID has ended (LOOP_DEAD set),
# which ends a wait for FILE early.
LOOP_DEAD=
there_or_dead() {
	if [ -e "$2" ]; then return 0; fi
	if ended "$1"; then LOOP_DEAD=1; return 0; fi
	return 1
}

# wait_file PID FILE: waits until FILE exists; fails if PID ends first or
# after HANG_GUARD seconds.  (The loops write their files aside and rename
# them, so a file is complete once there.)
wait_file() {
	LOOP_DEAD=
	wait_until there_or_dead "$1" "$2" && [ -z "$LOOP_DEAD" ] && [ -e "$2" ]
}

# find_server ROOT PORT: prints the pid of ROOT or its descendant that
# listens on PORT (the server under epolltrace, whatever wrapper ran it).
find_server() { $PYTHON "$LOOPS_DIR/loop_idle.py" --server "$1" "$2"; }

# server_idle PID PORT CONNECTIONS: loop_idle.py's verdict (see there); its
# reasons for "not yet" in $WORKDIR/idle.why.
server_idle() {
	$PYTHON "$LOOPS_DIR/loop_idle.py" "$1" "$2" "$3" >"$WORKDIR/idle.why" 2>&1
}

# check_idle LABEL PID PORT CONNECTIONS: waits until the server is idle;
# one TAP line, with the last reasons why not on failure.
check_idle() {
	if wait_until server_idle "$2" "$3" "$4"; then
		ok "$1"
	else
		not_ok "$1"
		diag <"$WORKDIR/idle.why"
	fi
}

# start_client NAME ARGS...: load_client.py ARGS... in the background, its
# output in $WORKDIR/NAME.out and .err; sets CLIENT_PID.
start_client() {
	sc_name=$1
	shift
	$PYTHON "$LOOPS_DIR/load_client.py" "$@" </dev/null >"$WORKDIR/$sc_name.out" \
		2>"$WORKDIR/$sc_name.err" &
	CLIENT_PID=$!
	track $CLIENT_PID
}

# client_counts OPENED CLOSED REOPENED MESSAGES OPEN: the counts line
# load_client.py prints (its bytes are left out) for those numbers.
client_counts() {
	echo "opened=$1 closed_midway=$2 reopened=$3 messages=$4 open=$5"
}

# counts_of FILE: load_client.py's counts line in FILE without its bytes.
counts_of() { sed -n 's/ bytes=[0-9]*//p' "$1" 2>/dev/null | tail -n 1; }

# eventpolls PID: the number of epoll instances PID holds now.
eventpolls() {
	ls -l /proc/"$1"/fd 2>/dev/null | grep -c 'anon_inode:\[eventpoll\]'
}

# verdicts PID LOG: the number of --dump verdict lines of PID in LOG.
verdicts() {
	grep -Ec "^epolltrace: dump: pid $1 epfd [0-9]+: model (matches|differs) " "$2" 2>/dev/null
}

# verdicts_at_least PID LOG N
verdicts_at_least() { [ "$(verdicts "$1" "$2")" -ge "$3" ]; }

# verdicts_or_ended PID LOG N: verdicts_at_least, or PID has ended.
verdicts_or_ended() { verdicts_at_least "$@" || ended "$1"; }

# check_dump LABEL PID LOG: one TAP line: the last dump of PID in LOG
# lists exactly what /proc/PID/fdinfo holds and every instance's verdict
# is "model matches the kernel (N registrations)", N its lines.
check_dump() {
	if ended "$2"; then
		not_ok "$1"
		echo "process $2 has ended" | diag
		return
	fi
	if $PYTHON "$ORACLE" --dump "$2" "$3" >"$WORKDIR/oracle" 2>&1; then
		ok "$1"
	else
		not_ok "$1"
		echo "$(($(wc -l <"$WORKDIR/oracle") - 1)) problems; the first ones:" | diag
		sed '$d' "$WORKDIR/oracle" | head -n 40 | diag
	fi
	tail -n 1 "$WORKDIR/oracle" | diag
}

# check_no_warnings LABEL LOG: no diagnostic in LOG; else they are shown.
check_no_warnings() {
	if grep -n 'warning\[' "$2" >"$WORKDIR/warnings"; then
		not_ok "$1"
		echo "$(wc -l <"$WORKDIR/warnings") diagnostics; the first ones:" | diag
		head -n 40 "$WORKDIR/warnings" | diag
	elif [ -s "$2" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "no output at all" | diag
	fi
}

# check_no_differs LABEL LOG: no --dump verdict in LOG says "differs".
check_no_differs() {
	if grep -E '^epolltrace: dump: .*: model differs from the kernel' "$2" \
		>"$WORKDIR/differs"; then
		not_ok "$1"
		head -n 40 "$WORKDIR/differs" | diag
	else
		ok "$1"
	fi
}

# traced_calls LOG REGEX: the number of lines of LOG (-o: each starts with
# a tid) whose call is one that REGEX matches, e.g. 'epoll_ctl'.
traced_calls() {
	grep -Ec "${TID_PREFIX}($2)\\(" "$1" 2>/dev/null
}

# ctl_ops LOG OP: the number of epoll_ctl lines of LOG with that op (ADD...).
ctl_ops() {
	grep -Ec "${TID_PREFIX}epoll_ctl\\([0-9]+, EPOLL_CTL_$2," "$1" 2>/dev/null
}

# check_traced LABEL LOG MIN_ADD MIN_DEL: at least one epoll wait, MIN_ADD
# EPOLL_CTL_ADD and MIN_DEL EPOLL_CTL_DEL lines were traced; the counts
# as a comment.
check_traced() {
	tc_waits=$(traced_calls "$2" "$(echo "$EPOLL_WAITS" | tr , '|')")
	tc_adds=$(ctl_ops "$2" ADD)
	tc_dels=$(ctl_ops "$2" DEL)
	if [ "$tc_waits" -ge 1 ] && [ "$tc_adds" -ge "$3" ] && [ "$tc_dels" -ge "$4" ]; then
		ok "$1"
	else
		not_ok "$1"
	fi
	echo "traced: $tc_waits epoll waits, $tc_adds EPOLL_CTL_ADD, $tc_dels EPOLL_CTL_DEL" \
		"(want >= 1, >= $3, >= $4)" | diag
}

# show_loop_files: the servers', clients' and epolltrace's stderr.
show_loop_files() {
	for slf in "$WORKDIR"/*.err; do
		[ -s "$slf" ] && show_file "${slf##*/}" "$slf"
	done
	return 0
}

# ---- A server run by epolltrace --diagnose --dump -f -o LOG -- SERVER ----

# TAP lines of traced_loop_case.
TRACED_LOOP_CHECKS=10

# traced_loop_case KIND CONNECTIONS MESSAGES CLOSE REOPEN: the server KIND
# under epolltrace; a client with CONNECTIONS connections of MESSAGES
# messages, CLOSE of them closed midway, REOPEN new ones; once all is
# answered and the server idle, SIGUSR1 asks epolltrace for a dump, which
# must be what /proc holds; then the client closes everything and the
# server stops: the asyncio server on the client's "quit", the Node server
# on SIGTERM, which epolltrace passes on to it.  TRACED_LOOP_CHECKS lines.
traced_loop_case() {
	kind=$1 n=$2 m=$3 k=$4 r=$5
	label="$kind under epolltrace"
	dir=$WORKDIR/$kind
	log=$dir/trace.log
	case_start=$tap_count
	mkdir "$dir" || return 1
	case $kind in
	asyncio) quit=--quit ;;
	*) quit= ;;
	esac

	launch_server "$kind" "$dir" "$EPOLLTRACE" --diagnose --dump -f -o "$log" --
	ok_launched=$?
	TRACER_PID=$LAUNCHED_PID
	if [ $ok_launched -ne 0 ]; then
		loop_case_fatal "$label: the server starts and listens" $TRACED_LOOP_CHECKS
		return
	fi
	ok "$label: the server starts and listens"

	start_client "$kind-client" --proto "$(client_proto "$kind")" \
		--port-file "$dir/port" -c "$n" -m "$m" --close-midway "$k" --reopen "$r" \
		--done-file "$dir/done" --hold-file "$dir/hold" $quit
	left=$((n - k + r))
	messages=$(((n - k + r) * m + k * (1 + (m - 1) / 2)))
	want=$(client_counts $((n + r)) "$k" "$r" $messages $left)
	what="$n connections, $k closed midway, $r opened: $messages messages answered"
	if ! wait_file "$CLIENT_PID" "$dir/done" || [ "$(counts_of "$dir/done")" != "$want" ]; then
		loop_case_fatal "$label: $what" $TRACED_LOOP_CHECKS \
			"client's counts: $(counts_of "$dir/done"); want: $want"
		return
	fi
	ok "$label: $what"
	check_idle "$label: the server is idle with $left connections" "$pid" "$port" $left

	instances=$(eventpolls "$pid")
	kill -USR1 "$TRACER_PID"
	if [ "$instances" -ge 1 ] && wait_until verdicts_or_ended "$pid" "$log" "$instances" &&
	   verdicts_at_least "$pid" "$log" "$instances"; then
		ok "$label: SIGUSR1: epolltrace dumps the $instances epoll instances"
	else
		not_ok "$label: SIGUSR1: epolltrace dumps the $instances epoll instances"
		echo "$(verdicts "$pid" "$log") verdict lines of pid $pid" | diag
	fi
	check_dump "$label: the dump holds exactly what fdinfo holds; every verdict: matches" \
		"$pid" "$log"

	: >"$dir/hold"
	await_exit "$CLIENT_PID"
	check_status "$label: the client got every reply right (exit status)" 0 "$RC"
	[ "$RC" = 0 ] || show_file "client's stderr" "$WORKDIR/$kind-client.err"
	[ -n "$quit" ] || kill -TERM "$TRACER_PID" 2>/dev/null
	await_exit "$TRACER_PID"
	check_status "$label: the server exits 0 (epolltrace's exit status)" 0 "$RC"
	[ "$RC" = 0 ] || show_file "server's and epolltrace's stderr" "$WORKDIR/$kind-server.err"

	# Every connection the server accepted was added to its interest list,
	# and deleted from it when it closed.
	check_traced "$label: its epoll calls were traced" "$log" $((n + r)) $((n + r))
	check_no_warnings "$label: --diagnose says nothing of a correct loop" "$log"
	check_no_differs "$label: no dump says the model differs from the kernel" "$log"
}

# loop_case_fatal WHAT CHECKS [DETAIL]: the rest of a part of CHECKS TAP
# lines that started at case_start cannot run; it is skipped.
loop_case_fatal() {
	not_ok "$1"
	[ -z "$3" ] || echo "$3" | diag
	show_loop_files
	skip_n $(($2 - (tap_count - case_start))) "the step before failed"
	end_tracked
}
