#!/bin/sh
# --backend=bpf when the command cannot be started: its fork fails (strace,
# tracing epolltrace alone, makes clone fail with EAGAIN).  epolltrace says
# so and exits 71, and closes both pipes it had made for the child before
# it goes: none of their four descriptors is left open.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 2

bpf_why
if [ -n "$BPF_WHY" ]; then
	skip_n 2 "$BPF_WHY"
	exit 0
fi
if ! have_strace; then
	skip_n 2 "no strace"
	exit 0
fi

# LeakSanitizer's own ptrace would meet strace's.
ASAN_OPTIONS=detect_leaks=0 timeout $HANG_GUARD strace -qq -o "$WORKDIR/calls" \
	-e trace=pipe2,close,clone -e inject=clone:error=EAGAIN \
	"$EPOLLTRACE" --backend=bpf -- true </dev/null >/dev/null 2>"$WORKDIR/err"
rc=$?
if [ $rc = 71 ] && grep -q "^epolltrace: cannot fork to run 'true': " "$WORKDIR/err"; then
	ok "a failed fork: it says so and exits 71"
else
	not_ok "a failed fork: it says so and exits 71"
	echo "exit status $rc" | diag
	diag <"$WORKDIR/err"
fi

# The descriptors of the last two pipe2 calls before the failed clone, and
# those closed after it: each of the first must be among the second.
left_open=$(awk '
	!failed && /^pipe2\(\[[0-9]+, [0-9]+\]/ {
		match($0, /\[[0-9]+, [0-9]+\]/)
		split(substr($0, RSTART + 1, RLENGTH - 2), fd, ", ")
		older = newer; newer = fd[1] " " fd[2]
	}
	/^clone\(.*INJECTED/ { failed = 1; next }
	failed && /^close\([0-9]+\)/ { sub(/^close\(/, ""); sub(/\).*/, ""); closed[$0] = 1 }
	END {
		n = split(older " " newer, want, " ")
		if (!failed || n != 4) { print "no two pipes before a failed clone"; exit }
		for (i = 1; i <= n; i++) if (!(want[i] in closed)) printf "%s ", want[i]
	}' "$WORKDIR/calls")
if [ -z "$left_open" ]; then
	ok "both pipes made for the child are closed"
else
	not_ok "both pipes made for the child are closed"
	echo "left open: $left_open" | diag
	diag <"$WORKDIR/calls"
fi
