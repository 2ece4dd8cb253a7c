#!/bin/sh
# -k: the stack after each call's line, on tests/progs/stack_chain, whose
# epoll_wait is called through main -> outer_fn -> inner_fn: the frames
# name those three in that order, in strace's form and as strace -k prints
# them, for a started command and with -p; an i386 program gets a line
# saying why it has no stack; a build without libunwind-ptrace refuses -k.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 8
log=$WORKDIR/log

"$EPOLLTRACE" -k true 2>"$WORKDIR/refused" >/dev/null
refused_rc=$?
if grep -q "built without libunwind-ptrace" "$WORKDIR/refused"; then
	check "-k is refused in one line, with a failure status" \
		sh -c '[ "$(wc -l <"$1")" = 1 ] && [ "$2" != 0 ]' sh "$WORKDIR/refused" "$refused_rc"
	skip_n 7 "configure found no libunwind-ptrace, so this epolltrace has no -k"
	exit 0
fi
check_status "-k is accepted" 0 "$refused_rc"

# frames_after LOG: the " > " lines right after LOG's first epoll_wait line.
frames_after() {
	awk 'found && /^ > / { print; next } found { exit } /epoll_wait\(/ { found = 1 }' "$1"
}

# chain_in_order FRAMES PROG: FRAMES name inner_fn, outer_fn and main of
# PROG, in that order (other frames may come between).
chain_in_order() {
	awk -v prog="$2" '
		index($0, " > " prog "(" want[n] "+0x") == 1 { n++ }
		BEGIN { n = 0; want[0] = "inner_fn"; want[1] = "outer_fn"; want[2] = "main" }
		END { exit n < 3 }' "$1"
}

# show_frames TITLE LOG: the log as TAP comments, when a check fails.
show_frames() { show_file "$1" "$2"; }

if ! prog=$(prog_path stack_chain x86_64); then
	skip_n 7 "test program not built"
	exit 0
fi

run_epolltrace "$log" -qq -k -- "$prog"
check_status "x86_64: exit status under -k" 0 "$RC"
frames_after "$log" >"$WORKDIR/frames"
if chain_in_order "$WORKDIR/frames" "$prog"; then
	ok "x86_64: the frames after epoll_wait name inner_fn, outer_fn, main in $prog"
else
	not_ok "x86_64: the frames after epoll_wait name inner_fn, outer_fn, main in $prog"
	show_frames "epolltrace's log" "$log"
fi

# strace's form: " > /path(func+0xOFF) [0xOFF]", "()" when no function is known.
check "x86_64: every frame line has strace's form" \
	sh -c '[ -s "$1" ] && ! grep -Evq "^ > /[^(]*\\(([^()+]+\\+0x[0-9a-f]+)?\\) \\[0x[0-9a-f]+\\]\$" "$1"' \
	sh "$WORKDIR/frames"

if ! have_strace; then
	skip "strace is not installed"
elif ! strace -k -o /dev/null true 2>/dev/null; then
	skip "this strace has no -k"
else
	run_tracer "$WORKDIR/strace.log" strace -qq -k -e trace=epoll_wait -- "$prog"
	frames_after "$WORKDIR/strace.log" >"$WORKDIR/strace-frames"
	compare_text "x86_64: the frames are strace -k's" "$WORKDIR/strace-frames" "$WORKDIR/frames"
fi

# -p: the same chain in a running process.
"$prog" loop </dev/null >"$WORKDIR/loop.out" 2>"$WORKDIR/loop.err" &
loop_pid=$!
track $loop_pid
if wait_until grep -qx ready "$WORKDIR/loop.out"; then
	start_tracer "$log" "$loop_pid" -qq -k
	wait_until has_traced_lines "$log" 2
	kill -INT "$TRACER_PID"
	await_exit "$TRACER_PID"
fi
frames_after "$log" >"$WORKDIR/frames"
if chain_in_order "$WORKDIR/frames" "$prog"; then
	ok "-p: the frames name inner_fn, outer_fn, main"
else
	not_ok "-p: the frames name inner_fn, outer_fn, main"
	show_frames "epolltrace's log" "$log"
	show_file "epolltrace's stderr" "$log.err"
fi
kill -TERM "$loop_pid"
await_exit "$loop_pid"

if ! prog32=$(prog_path stack_chain i386); then
	skip_n 2 "$(missing_reason i386)"
	exit 0
fi
run_epolltrace "$log" -qq -k -- "$prog32"
check_status "i386: exit status under -k" 0 "$RC"
frames_after "$log" >"$WORKDIR/frames"
echo " > (no stack trace: i386 processes are not supported)" >"$WORKDIR/want"
compare_text "i386: one line says why there is no stack" "$WORKDIR/want" "$WORKDIR/frames"
