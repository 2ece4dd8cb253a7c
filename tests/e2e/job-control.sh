#!/bin/sh
# Terminal job control: in an interactive bash in a pseudo-terminal
# (tests/e2e/pty_session.py), tests/progs/tty_wait sleeps in epoll_wait on
# the terminal; Ctrl-Z stops it, "fg" continues it and "go" typed then must
# reach it.  Under epolltrace the shell must get its prompt back with the
# job stopped, epolltrace itself stopped only once the command has stopped,
# and after fg the command must go on as it does untraced: its epoll_wait
# fails with EINTR (signal(7)), it waits again and reads the line.  The
# same session untraced is the reference.  No step waits for a guessed
# time; HANG_GUARD only ends a session that hangs.
. "$TESTS_SRCDIR/e2e/lib.sh"

HELPER=$TESTS_SRCDIR/e2e/pty_session.py
UNTRACED_CHECKS=3
TRACED_CHECKS=11
PER_ABI=$((UNTRACED_CHECKS + TRACED_CHECKS))

# session NAME COMMAND...: runs the session with COMMAND typed at the
# prompt; leaves the helper's KEY=VALUE lines in $WORKDIR/NAME.result and
# what the terminal showed in $WORKDIR/NAME.transcript.
session() {
	name=$1
	shift
	timeout $((HANG_GUARD + 30)) python3 "$HELPER" "$HANG_GUARD" \
		"$WORKDIR/$name.transcript" "$@" </dev/null \
		>"$WORKDIR/$name.result" 2>"$WORKDIR/$name.stderr"
	echo "helper exit status $?" >>"$WORKDIR/$name.stderr"
	dumped=
}

# value NAME KEY: what the session NAME reported for KEY (empty if nothing).
value() {
	sed -n "s/^$2=//p" "$WORKDIR/$1.result" | head -n 1
}

# explain NAME [LOG]: the session's details as TAP comments, once.
explain() {
	[ -n "$dumped" ] && return
	dumped=yes
	{
		echo "helper's report:"
		cat "$WORKDIR/$1.result" "$WORKDIR/$1.stderr"
		echo "terminal transcript:"
		tr -d '\r' <"$WORKDIR/$1.transcript" 2>/dev/null
		if [ -n "$2" ]; then
			echo "epolltrace's output:"
			cat "$2" 2>/dev/null
		fi
	} | diag
}

# expect NAME LABEL KEY WANT [LOG]: one TAP line, ok when the session
# reported WANT (an extended regular expression matching the whole value).
expect() {
	got=$(value "$1" "$3")
	if printf '%s\n' "$got" | grep -Eqx -- "$4"; then
		ok "$2"
	else
		not_ok "$2"
		printf '%s is "%s", want "%s"\n' "$3" "$got" "$4" | diag
		explain "$1" "$5"
	fi
}

# in_log LABEL LOG COMMAND...: one TAP line, ok when COMMAND succeeds.
in_log() {
	label=$1
	log=$2
	shift 2
	if "$@" "$log"; then
		ok "$label"
	else
		not_ok "$label"
		explain traced "$log"
	fi
}

# An epoll_wait that returns 1 after one that failed with EINTR.
ready_after_eintr() {
	awk '/^[0-9]+ +epoll_wait\(.*\) += -1 EINTR / { eintr = 1 }
	     eintr && /^[0-9]+ +epoll_wait\(.*\) += 1$/ { ready = 1 }
	     END { exit !ready }' "$1"
}

plan $((2 * PER_ABI))
for tool in python3 bash; do
	if ! command -v $tool >/dev/null 2>&1; then
		skip_n $((2 * PER_ABI)) "$tool is not installed"
		exit 0
	fi
done

for abi in $ABIS; do
	if ! prog=$(prog_path tty_wait $abi); then
		skip_n $PER_ABI "$(missing_reason $abi)"
		continue
	fi

	# The reference: the same session untraced.
	session untraced "$prog"
	expect untraced "$abi untraced: Ctrl-Z: the shell shows the job Stopped and prompts" \
		job_line 'Stopped.*'
	expect untraced "$abi untraced: the program is stopped (state T)" state T
	expect untraced "$abi untraced: after fg and go, exit status 0" status 0
	stop_status=$(value untraced stop_status)
	interrupted=$(value untraced interrupted)

	log=$WORKDIR/trace.log
	rm -f "$log"
	session traced "$EPOLLTRACE" -f -o "$log" "$prog"
	expect traced "$abi traced: Ctrl-Z: the shell shows the job Stopped and prompts" \
		job_line 'Stopped.*' "$log"
	expect traced "$abi traced: epolltrace has stopped itself (state T)" \
		parent_state T "$log"
	# A traced task's group-stop is a ptrace stop, which ps shows as "t".
	expect traced "$abi traced: the program is stopped (state T or t)" \
		state '[Tt]' "$log"
	expect traced "$abi traced: the shell's \$? for the stopped job is untraced's ($stop_status)" \
		stop_status "${stop_status:-untraced gave none}" "$log"
	expect traced "$abi traced: after fg the program waits in epoll_wait again" \
		resumed yes "$log"
	expect traced "$abi traced: after fg and go, exit status 0" status 0 "$log"
	expect traced "$abi traced: epoll_wait failed with EINTR as often as untraced ($interrupted)" \
		interrupted "${interrupted:-untraced gave none}" "$log"

	in_log "$abi traced: the log shows the SIGTSTP" "$log" \
		grep -qF -- '--- SIGTSTP {si_signo=SIGTSTP, si_code=SI_KERNEL} ---'
	in_log "$abi traced: the log shows the stop" "$log" \
		grep -qF -- '--- stopped by SIGTSTP ---'
	in_log "$abi traced: the log shows epoll_wait failing with EINTR" "$log" \
		grep -Eq '^[0-9]+ +epoll_wait\(.*\) += -1 EINTR '
	in_log "$abi traced: the log shows an epoll_wait returning 1 after that" "$log" \
		ready_after_eintr
done
