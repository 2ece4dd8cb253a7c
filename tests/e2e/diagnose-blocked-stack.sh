#!/bin/sh
# -k with --diagnose: a loop-blocked warning is followed by the stack of
# the thread found blocked, walked where it sleeps, without stopping it
# (tests/progs/loop_blocked, released only once the warning is in the
# trace).  Blocked reading, sleeping or waiting for a mutex, its frames
# name the handler, handle(), in the test program; so does --json's
# diagnostic.  A thread that computes is not stopped, and a line says why
# it has no stack; an i386 program's says that its ABI is not supported.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/loop-blocked-lib.sh"

plan 12

if ! "$EPOLLTRACE" -k true >/dev/null 2>&1; then
	skip_n 12 "configure found no libunwind-ptrace, so this epolltrace has no -k"
	exit 0
fi

# warning_frames_have TEXT: a frame line right after the loop-blocked
# warning in $LOG starts with TEXT.
warning_frames_have() {
	awk 'found && /^ > / { print; next } found { exit }
	     /^epolltrace: warning\[loop-blocked\]/ { found = 1 }' "$LOG" |
		grep -qF -- " > $1"
}

# json_stack_has FUNCTION: $LOG's loop-blocked diagnostic has a tid and
# a stack with FUNCTION in it.
json_stack_has() {
	grep '"type": *"diagnostic"' "$LOG" | grep '"kind": *"loop-blocked"' |
		grep '"tid": *[0-9]' | grep -q "\"stack\": *\\[.*\"function\": *\"$1\""
}

# check_stack ABI MODE WHAT CHECK...: loop_blocked MODE under -k (and
# run_mode's options in RUN_OPTS): CHECK finds WHAT once the warning came.
check_stack() {
	cs_abi=$1 cs_mode=$2 cs_what=$3
	shift 3
	# shellcheck disable=SC2086
	run_mode "$cs_mode" -k $RUN_OPTS
	echo go >&7
	if wait_until "$@"; then
		ok "$cs_abi $cs_mode: $cs_what"
	else
		not_ok "$cs_abi $cs_mode: $cs_what"
		show_file "the trace" "$LOG"
	fi
	end_mode "$cs_mode"
	check_status "$cs_abi $cs_mode: the program exits 0 under -k" 0 "$RC"
}

RUN_OPTS=
if abi_prog loop_blocked x86_64 10; then
	for mode in read sleep mutex; do
		check_stack x86_64 $mode "the warning's stack names handle() in $prog" \
			warning_frames_have "$prog(handle+0x"
	done
	check_stack x86_64 compute "a running thread is not stopped for its stack" \
		warning_frames_have "(no stack trace: the thread runs, and is not stopped to walk its stack)"
	RUN_OPTS=--json
	check_stack x86_64 read "--json: the diagnostic's tid and stack, with handle()" \
		json_stack_has handle
	RUN_OPTS=
fi
if abi_prog loop_blocked i386 2; then
	check_stack i386 read "an i386 program's warning says why it has no stack" \
		warning_frames_have "(no stack trace: i386 processes are not supported)"
fi
