#!/bin/sh
# --diagnose under --backend=bpf: a close is told to the model after the
# fact, when /proc may no longer show what it did (the program went on,
# or ended), so the program looks at the closed fd's file at the call's
# entry: something else holds it, and epoll watches it, or not.  A fd
# closed while a dup keeps its file is reported as ptrace reports it; a
# ghost that goes with the dup's close, and a close whose file goes with
# it, are not.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 12

bpf_why
if [ -n "$BPF_WHY" ]; then
	skip_n 12 "$BPF_WHY"
	exit 0
fi

# diagnose PROG: runs it under --backend=bpf --diagnose -f (a line on its
# stdin), and one TAP line for its exit status.
diagnose() {
	echo | timeout $HANG_GUARD "$EPOLLTRACE" --backend=bpf --diagnose -f -o "$WORKDIR/trace.log" \
		-- "$1" >"$WORKDIR/stdout" 2>"$WORKDIR/stderr"
	check_status "$label: exits 0 under --backend=bpf --diagnose" 0 $?
	touch "$WORKDIR/trace.log"
}

# warnings_are WHAT LINES: one TAP line, the trace's warning lines are LINES.
warnings_are() {
	sed -n 's/^\(epolltrace: warning\[[^]]*\]: pid [0-9]* epfd [0-9]*\( fd [0-9]*\)\{0,1\}\): .*/\1/p' \
		"$WORKDIR/trace.log" >"$WORKDIR/warnings"
	if [ "$(cat "$WORKDIR/warnings")" = "$2" ]; then
		ok "$label: $1"
	else
		not_ok "$label: $1"
		{ echo "want:"; echo "$2"; echo "got:"; cat "$WORKDIR/warnings"; } | diag
	fi
}

# The warning the program announced ("expect pid=P epfd=E fd=F"), as the trace begins it.
expected() {
	sed -n "s/^expect pid=\([0-9]*\) epfd=\([0-9]*\) fd=\([0-9]*\)\$/epolltrace: warning[$1]: pid \1 epfd \2 fd \3/p" \
		"$WORKDIR/stdout"
}

for abi in $ABIS; do
	for name in diag_closed_while_registered diag_ghost_gone fd_reuse; do
		label="$abi $name"
		abi_prog "$name" "$abi" 2 || continue
		diagnose "$prog"
		case $name in
		fd_reuse) warnings_are "no warning: the pipe's registration went with it" "" ;;
		*) warnings_are "the one warning is closed-while-registered" \
			"$(expected closed-while-registered)" ;;
		esac
	done
done
