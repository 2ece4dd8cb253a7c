#!/bin/sh
# Ctrl-Z's SIGTSTP reaches epolltrace after its command was seen stopped
# (tests/e2e/late_stop.py plays that order out): the terminal signals its
# process group one task at a time, and a busy machine can delay the
# second copy.  epolltrace must then stop on its copy's arrival, so that
# the shell sees its job stopped; after SIGCONT the command must go on as
# it does in tests/e2e/job-control.sh.  Under -f the stopped tracee may
# be a child of a command that has ended ("sh -c 'tty_wait & exit'"):
# epolltrace must stop all the same.  No step waits for a guessed time.
. "$TESTS_SRCDIR/e2e/lib.sh"

HELPER=$TESTS_SRCDIR/e2e/late_stop.py
PER_ABI=6

# value KEY: what the helper reported for KEY (empty if nothing).
value() {
	sed -n "s/^$1=//p" "$WORKDIR/result" | head -n 1
}

# expect LABEL KEY WANT: one TAP line, ok when the helper reported WANT;
# the run's details follow the first failure of the ABI.
expect() {
	got=$(value "$2")
	if [ "$got" = "$3" ]; then
		ok "$1"
		return
	fi
	not_ok "$1"
	printf '%s is "%s", want "%s"\n' "$2" "$got" "$3" | diag
	[ -n "$shown" ] && return
	shown=yes
	cat "$WORKDIR/result" "$WORKDIR/stderr" | diag
	show_file "epolltrace's output" "$WORKDIR/trace.log"
}

plan $((2 * 2 * PER_ABI))
if ! command -v python3 >/dev/null 2>&1; then
	skip_n $((2 * 2 * PER_ABI)) "python3 is not installed"
	exit 0
fi

for abi in $ABIS; do
	if ! prog=$(prog_path tty_wait $abi); then
		skip_n $((2 * PER_ABI)) "$(missing_reason $abi)"
		continue
	fi
	# The background child reads the pipe through fd 3: a shell without
	# job control gives an asynchronous list /dev/null for its stdin.
	for how in "" "-f:"; do
		rm -f "$WORKDIR/trace.log"
		shown=
		if [ -n "$how" ]; then
			set -- -f sh -c 'exec 3<&0; "$0" <&3 & exit 0' "$prog"
		else
			set -- "$prog"
		fi
		timeout $((HANG_GUARD + 30)) python3 "$HELPER" "$HANG_GUARD" \
			"$WORKDIR/trace.log" "$EPOLLTRACE" "$@" </dev/null \
			>"$WORKDIR/result" 2>"$WORKDIR/stderr"
		expect "$abi:$how the program is stopped (state t) before epolltrace's copy comes" \
			state t
		expect "$abi:$how epolltrace waits for its own copy of the signal" \
			tracer_running_before_its_copy yes
		expect "$abi:$how epolltrace stops by SIGTSTP when its copy comes late" \
			tracer_stop SIGTSTP
		expect "$abi:$how after SIGCONT the program waits in epoll_wait again" \
			resumed yes
		expect "$abi:$how epoll_wait failed with EINTR once, as untraced" \
			interrupted 1
		expect "$abi:$how exit status 0" status 0
	done
done
