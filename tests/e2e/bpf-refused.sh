#!/bin/sh
# Where the kernel refuses eBPF tracing to root, the line says why and
# what to do, not "Permission denied", and --backend=auto takes ptrace.
# Testable without changing the machine's settings: root of a new user
# namespace (as in a container) has every capability there, and none for
# bpf(); tests/progs/deny_bpf puts epolltrace under a seccomp filter that
# fails bpf() with EPERM, as Docker's does.  The other reasons (lockdown,
# a security module, the verifier) are tests/unit/test-bpf-refusal's.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 12

# refused WHERE WHY AUTO_WHY RUNNER...: under RUNNER, --backend=bpf is
# refused with one line that says WHY, and --backend=auto -p traces
# under ptrace with a notice that says AUTO_WHY, and offers no eBPF.
refused() {
	where=$1 why=$2 auto_why=$3
	shift 3
	timeout $HANG_GUARD "$@" "$EPOLLTRACE" --backend=bpf -- true \
		</dev/null >/dev/null 2>"$WORKDIR/bpf.err"
	check_status "--backend=bpf $where: refused as eBPF unavailable (78)" 78 $?
	if [ "$(cat "$WORKDIR/bpf.err")" = "epolltrace: --backend=bpf: $why; use --backend=ptrace" ]; then
		ok "--backend=bpf $where: one line says why and what to do"
	else
		not_ok "--backend=bpf $where: one line says why and what to do"
		diag <"$WORKDIR/bpf.err"
	fi
	timeout $HANG_GUARD "$@" /bin/sh -c '
		sleep 30 &
		"$1" --backend=auto --duration=0.2 -p $!
		rc=$?
		kill $!
		exit $rc' sh "$EPOLLTRACE" </dev/null >/dev/null 2>"$WORKDIR/auto.err"
	check_status "--backend=auto -p $where: traced under ptrace, exit 0" 0 $?
	check "--backend=auto -p $where: the notice says why not eBPF" \
		grep -qxF "epolltrace: --backend=auto: using ptrace, since $auto_why" "$WORKDIR/auto.err"
	if grep -q 'backend=bpf does not stop it' "$WORKDIR/auto.err"; then
		not_ok "--backend=auto -p $where: ptrace's cost notice offers no eBPF"
		diag <"$WORKDIR/auto.err"
	else
		ok "--backend=auto -p $where: ptrace's cost notice offers no eBPF"
	fi
}

bpf_why
if [ -n "$BPF_WHY" ]; then
	skip_n 12 "$BPF_WHY"
	exit 0
fi

FILTERED="the kernel refused the eBPF program: a seccomp filter on epolltrace (a container's or a service's) forbids bpf()"
refused "under a seccomp filter" "$FILTERED" "$FILTERED" "$PROGS_DIR/deny_bpf"

# A load that failed cleans up only what it made: no bpf() on fd 0 (the
# maps' descriptors, never set) and no process forked to close links that
# were never attached.
if have_strace; then
	# LeakSanitizer's own ptrace would meet strace's (and its clone be seen).
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=bpf,close,clone,clone3,fork,vfork -o "$WORKDIR/refused.strace" \
		"$PROGS_DIR/deny_bpf" "$EPOLLTRACE" --backend=bpf -- true </dev/null >/dev/null 2>&1
	if grep -Eq 'map_fd=0[,}]|close\(0\)' "$WORKDIR/refused.strace"; then
		not_ok "a refused load touches no descriptor it does not own"
		grep -E 'map_fd=0[,}]|close\(0\)' "$WORKDIR/refused.strace" | head -n 5 | diag
	else
		ok "a refused load touches no descriptor it does not own"
	fi
	if grep -Eq 'clone|fork' "$WORKDIR/refused.strace"; then
		not_ok "a refused load forks nothing"
		grep -E 'clone|fork' "$WORKDIR/refused.strace" | head -n 5 | diag
	else
		ok "a refused load forks nothing"
	fi
else
	skip_n 2 "strace is not installed"
fi

if unshare --user --map-root-user true 2>/dev/null; then
	IN_NS="epolltrace runs in a user namespace (a container), whose root the kernel does not let trace with eBPF"
	refused "in a user namespace" "$IN_NS" "eBPF cannot run: $IN_NS" unshare --user --map-root-user
else
	skip_n 5 "cannot make a user namespace (unshare --user --map-root-user)"
fi
