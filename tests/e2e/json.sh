#!/bin/sh
# --json: every line of the output is one JSON object (tests/e2e/
# json_check.py parses each with python3's json module) of a documented
# type, with the documented fields and types; the calls are those of the
# text trace of the same program (per thread the same syscalls in the
# same order, with the same ret and errno), also with threads and
# children interleaving; -y names fds apart, -k gives frames, signals
# come with their siginfo, -C and --diagnose end with a summary object
# that counts exactly the call objects written; -p gives the attach header
# as objects and writes the call a detach interrupts.  And the issue's
# test: a real Python asyncio server under --json -C with client traffic,
# every line parsed, as many epoll calls as the summary counts.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 35
CHECKER=$TESTS_SRCDIR/e2e/json_check.py
LOOPS_DIR=$TESTS_SRCDIR/loops
J=$WORKDIR/json.log

# json_check LABEL COMMAND ARGS...: one TAP line, ok when json_check.py
# COMMAND ARGS... holds; what it says as comments.
json_check() {
	jc_label=$1
	shift
	if python3 "$CHECKER" "$@" >"$WORKDIR/checker" 2>&1; then
		ok "$jc_label"
	else
		not_ok "$jc_label"
		diag <"$WORKDIR/checker"
	fi
}

if ! command -v python3 >/dev/null 2>&1; then
	skip_n 35 "python3 is not installed"
	exit 0
fi

# ---- Each syscall, success and error paths; threads; children ----

for abi in $ABIS; do
	for name in epoll_calls two_threads fork_children; do
		if ! prog=$(prog_path $name $abi); then
			skip_n 3 "$(missing_reason $abi)"
			continue
		fi
		run_epolltrace "$WORKDIR/text.log" -f -q -- "$prog" 2>"$J.err"
		text_rc=$RC
		run_epolltrace "$J" --json -f -- "$prog" 2>"$J.err"
		check_status "$abi $name: exit status under --json is the text run's" "$text_rc" "$RC"
		json_check "$abi $name: every line is an object of the schema" schema "$J"
		json_check "$abi $name: the calls, results and exits are the text trace's" \
			compare "$J" "$WORKDIR/text.log"
	done
done

prog=$PROGS_DIR/two_threads
run_epolltrace "$J" --json -y -- "$prog" 2>"$J.err"
json_check "-y: fds stay integers, fd_names name them" names "$J"

# On stderr, with -q (no notices): every line still parses, whatever the
# text-only options ask.
OUTPUT_MODE=stderr
run_epolltrace "$J" --json -q -ttt -r -T -a 10 --color=always -- "$prog"
OUTPUT_MODE=file
json_check "on stderr, with -q -ttt -r -T -a --color: only objects" schema "$J"

run_epolltrace "$J" --json -- "$PROGS_DIR/signal_eintr" 2>"$J.err"
json_check "a signal object with its siginfo, and the wait it interrupted" signal "$J"

# ---- Summaries ----

run_epolltrace "$J" --json -C -- "$PROGS_DIR/epoll_calls"
json_check "-C: the summary is the last line, of the schema" schema "$J"
json_check "-C: the summary counts every call object, by syscall, and every wait by instance" \
	summary "$J"
run_epolltrace "$J" --json --diagnose -- "$PROGS_DIR/diag_ctl_eexist" >/dev/null
json_check "--diagnose: a ctl-eexist diagnostic, counted in the summary's diagnostics" \
	diagnose "$J" ctl-eexist

# ---- -k ----

prog=$PROGS_DIR/stack_chain
if ! "$EPOLLTRACE" -k true >/dev/null 2>&1; then
	skip "this epolltrace has no -k (no libunwind-ptrace)"
else
	run_epolltrace "$J" --json -k -- "$prog"
	json_check "-k: the frames of the first epoll_wait name inner_fn, outer_fn, main" \
		stack "$J" "$prog"
fi

# ---- -p: the attach header, a detach in the middle of a wait, --dump ----

# json_calls_above LOG N: LOG holds more than N call objects.
json_calls_above() {
	jca=$(grep -c '"type":"syscall"' "$1" 2>/dev/null)
	[ "${jca:-0}" -gt "$2" ]
}

p_fatal() {
	not_ok "$1"
	show_file "server's stderr" "$WORKDIR/server.err"
	show_file "epolltrace's stderr" "$J.err"
	skip_n 4 "the step before failed"
}

p_case() {
	start_echo_server 2 || { p_fatal "-p: the echo server starts"; return; }
	start_echo_client 2 || { p_fatal "-p: the echo client connects"; return; }
	start_tracer "$J" "$SERVER_PID" --json --dump
	replies=$(client_replies)
	if ! wait_until attached "$SERVER_PID" "$J" ||
	   ! wait_until client_replies_above "$((replies + 20))" ||
	   ! wait_until json_calls_above "$J" 5; then
		p_fatal "-p: attached, the server traced while it answers"
		return
	fi
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "-p: epolltrace exits 0 on SIGINT" 0 "$RC"
	json_check "-p: every line is an object of the schema" schema "$J"
	json_check "-p: the attach header's registrations first, a call cut by the detach" \
		attach "$J"
	json_check "-p --dump: the registrations dumped at the detach, and their checks" dump "$J"
	replies=$(client_replies)
	if wait_until client_replies_above "$((replies + 20))"; then
		ok "-p: the server answers on after the detach"
	else
		not_ok "-p: the server answers on after the detach"
	fi
	stop_echo_client
	stop_echo_server
}
p_case

# ---- A real server: Python's asyncio (epoll) echo server, with clients ----

a_fatal() {
	not_ok "$1"
	show_file "epolltrace's stderr" "$WORKDIR/asyncio.err"
	show_file "the client's stderr" "$WORKDIR/asyncio-client.err"
	skip_n $((4 - $2)) "the step before failed"
	end_tracked
}

asyncio_case() {
	port=$WORKDIR/port
	"$EPOLLTRACE" --json -C -f -o "$J" -- python3 "$LOOPS_DIR/asyncio_echo.py" "$port" \
		</dev/null >/dev/null 2>"$WORKDIR/asyncio.err" &
	TRACER_PID=$!
	track $TRACER_PID
	if ! wait_until test -e "$port"; then
		a_fatal "asyncio: the server listens under epolltrace --json -C" 0
		return
	fi
	ok "asyncio: the server listens under epolltrace --json -C"
	# 40 connections of 25 messages, 5 closed midway, 5 opened meanwhile;
	# then "quit" stops the server.
	if ! timeout $HANG_GUARD python3 "$LOOPS_DIR/load_client.py" --port-file "$port" \
		--proto echo -c 40 -m 25 --close-midway 5 --reopen 5 --quit \
		</dev/null >"$WORKDIR/asyncio-client.out" 2>"$WORKDIR/asyncio-client.err"; then
		a_fatal "asyncio: the client gets every reply right" 1
		return
	fi
	ok "asyncio: the client gets every reply right"
	await_exit "$TRACER_PID"
	check_status "asyncio: the server exits 0 (epolltrace's exit status)" 0 "$RC"
	json_check "asyncio: every line parses, of the schema" schema "$J"
	json_check "asyncio: as many epoll_* call objects as the summary counts, by syscall" \
		summary "$J" epoll_
}
asyncio_case
