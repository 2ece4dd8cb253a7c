#!/bin/sh
# epolltrace started with SIGCHLD ignored (inherited through exec, as
# from a launcher that ignores it): ignored, SIGCHLD is not even raised
# when a tracee stops, so epolltrace must take it back for itself, or it
# sleeps through its command's stops and both hang (a timeout of HANG_GUARD
# turns that into a failure).  The command must still find SIGCHLD ignored, as it
# does untraced, whichever backend started it.
. "$TESTS_SRCDIR/e2e/lib.sh"

# ignoring_sigchld COMMAND...: runs COMMAND with SIGCHLD ignored.
ignoring_sigchld() {
	timeout -k 5 "$HANG_GUARD" python3 -c '
import os, signal, sys
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}

plan $((3 + 2 * 2))
if ! command -v python3 >/dev/null 2>&1; then
	skip_n 7 "python3 is not installed"
	exit 0
fi

untraced=$(ignoring_sigchld grep '^SigIgn:' /proc/self/status)
traced=$(ignoring_sigchld "$EPOLLTRACE" -o /dev/null grep '^SigIgn:' /proc/self/status)
check_status "the command runs to its end" 0 $?
if [ -n "$untraced" ] && [ "$traced" = "$untraced" ]; then
	ok "the command finds SIGCHLD ignored, as untraced ($untraced)"
else
	not_ok "the command finds SIGCHLD ignored, as untraced"
	printf 'traced "%s", untraced "%s"\n' "$traced" "$untraced" | diag
fi
bpf_why
if [ -n "$BPF_WHY" ]; then
	skip "--backend=bpf: $BPF_WHY"
else
	traced=$(ignoring_sigchld "$EPOLLTRACE" --backend=bpf -o /dev/null \
		grep '^SigIgn:' /proc/self/status)
	if [ -n "$untraced" ] && [ "$traced" = "$untraced" ]; then
		ok "--backend=bpf: the command finds SIGCHLD ignored, as untraced"
	else
		not_ok "--backend=bpf: the command finds SIGCHLD ignored, as untraced"
		printf 'traced "%s", untraced "%s"\n' "$traced" "$untraced" | diag
	fi
fi

for abi in $ABIS; do
	if ! prog=$(prog_path epoll_calls $abi); then
		skip_n 2 "$(missing_reason $abi)"
		continue
	fi
	# Without the spin every stop must wake epolltrace.
	ignoring_sigchld "$EPOLLTRACE" --spin=0 -o "$WORKDIR/trace.log" "$prog" \
		>/dev/null 2>"$WORKDIR/err"
	check_status "$abi: epoll_calls traced with SIGCHLD ignored ends (no hang)" 0 $?
	check "$abi: the trace ends with its exit line" \
		grep -q '^+++ exited with 0 +++$' "$WORKDIR/trace.log"
done
