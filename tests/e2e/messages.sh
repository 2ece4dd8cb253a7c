#!/bin/sh
# Messages that name the right thing: an argument given to a long option
# that takes none, a kernel thread given to -p, an empty command name,
# "-e trace=," and the lists of --epfd and --op.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 12

# says LABEL STATUS MESSAGE ARGS...: epolltrace ARGS exits with STATUS
# and prints exactly MESSAGE.
says() {
	s_label=$1
	s_want=$2
	s_msg=$3
	shift 3
	timeout $HANG_GUARD "$EPOLLTRACE" "$@" </dev/null >/dev/null 2>"$WORKDIR/err"
	s_rc=$?
	echo "$s_msg" >"$WORKDIR/want"
	if [ "$s_rc" = "$s_want" ] && diff -u "$WORKDIR/want" "$WORKDIR/err" >"$WORKDIR/diff"; then
		ok "$s_label"
	else
		not_ok "$s_label"
		echo "exit status $s_rc, want $s_want" | diag
		diag <"$WORKDIR/diff"
	fi
}

for opt in --json --diagnose --help; do
	says "$opt=1 names $opt" 64 \
		"epolltrace: option '$opt' takes no argument: see 'epolltrace --help'" "$opt=1" true
done
says "an unknown long option is named whole" 64 \
	"epolltrace: invalid option '--no-such': see 'epolltrace --help'" --no-such=1 true
says "an empty command is not found, as in the shell" 127 \
	"epolltrace: cannot run '': command not found in PATH" ''
says "-e trace=, is refused, as by strace" 64 \
	"epolltrace: invalid system call ',' in -e trace: epolltrace traces epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2, ioctl (or all)" \
	-e trace=, true
says "-e trace= is refused" 64 \
	"epolltrace: invalid system call '' in -e trace: epolltrace traces epoll_create, epoll_create1, epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2, ioctl (or all)" \
	-e trace= true
says "--epfd's example is of --epfd" 64 "epolltrace: --epfd needs a list, as in --epfd=5,7" --epfd=, true
says "--op's example is of --op" 64 "epolltrace: --op needs a list, as in --op=add,del" --op=, true
says "--fd's example is of --fd" 64 "epolltrace: --fd needs a list, as in --fd=5,7" --fd=, true

# A kernel thread, told apart from a permission problem (Linux 6.x shows
# "Kthread:" in /proc/PID/status).
kthread=$(grep -l '^Kthread:[[:space:]]*1' /proc/[0-9]*/status 2>/dev/null | head -n 1 |
	sed 's|^/proc/\([0-9]*\)/status$|\1|')
if [ -n "$kthread" ]; then
	says "-p of a kernel thread says so" 77 \
		"epolltrace: cannot attach to pid $kthread: it is a kernel thread, which cannot be traced; give the PID of a program" \
		-p "$kthread"
else
	skip "no kernel thread is visible here (a pid namespace, or a kernel before 6.x)"
fi
says "-k with --backend=bpf is refused, saying why" 64 \
	"epolltrace: -k and --backend=bpf cannot be combined: eBPF walks a stack by its frame pointers only, which libc and most programs are built without, so -k unwinds by DWARF under ptrace: use --backend=ptrace" \
	-k --backend=bpf true
