#!/bin/sh
# -yy names fds as strace -yy does: a socket by its protocol and addresses
# (TCP, UDP, IPv4 and IPv6, UNIX with its peer and name, netlink), a device
# with its numbers, a pidfd by its process.  tests/progs/sockets_yy makes
# one socket of each kind and registers each with epoll_ctl; its trace is
# compared with strace 6.1's in each ABI, and again when epolltrace
# attaches to it with -p before it makes its first socket.  A socket is
# shown as it was first found, as strace shows it: a UDP socket connected
# after it was shown is still shown bound only (and a TCP connection
# closed, which the kernel no longer reports, with its addresses).  And
# like strace, epolltrace asks in its own network namespace: the sockets
# of a tracee in another one are named by protocol and inode only.  Ports and
# inodes differ from run to run: normalise-trace.pl numbers them in order
# of appearance, and the normalised trace must show every form, so that a
# comparison of two traces without them cannot pass.
. "$TESTS_SRCDIR/e2e/lib.sh"

CHECKS_PER_ABI=8
plan $((CHECKS_PER_ABI * 2 + 2))

# The forms the normalised trace must show, one ERE a line; the ports and
# inodes numbered from 1 are those of the first sockets made (TCP, then UDP).
cat >"$WORKDIR/forms" <<'EOF'
= 3<anon_inode:\[eventpoll\]>$
<TCP:\[127\.0\.0\.1:PORT1\]>
<TCP:\[127\.0\.0\.1:PORT2->127\.0\.0\.1:PORT1\]>
<TCP:\[127\.0\.0\.1:PORT1->127\.0\.0\.1:PORT2\]>
<TCP:\[INO1\]>
<UDP:\[127\.0\.0\.1:PORT3\]>
<UDP:\[127\.0\.0\.1:PORT4->127\.0\.0\.1:PORT3\]>
<UDP:\[INO2\]>
<UNIX-STREAM:\[INO[0-9]+,"yy \\"q\\\\\\t\\0015\\2x\\351\.sock"\]>
<UNIX-STREAM:\[INO[0-9]+\]>
<UNIX-STREAM:\[INO[0-9]+->INO[0-9]+\]>
<UNIX-STREAM:\[INO[0-9]+->INO[0-9]+,"yy \\"q\\\\\\t\\0015\\2x\\351\.sock"\]>
<UNIX-STREAM:\[INO[0-9]+,@"yy/[^"]*"\]>
<UNIX-STREAM:\[INO[0-9]+->INO[0-9]+,@"yy/[^"]*"\]>
<UNIX:\[INO[0-9]+->INO[0-9]+\]>
<UNIX:\[INO[0-9]+,"yy\.dgram"\]>
<UNIX:\[INO[0-9]+\]>
<NETLINK:\[ROUTE:NLPORT1\]>
<NETLINK:\[INO[0-9]+\]>
</dev/null<char 1:3>>
EOF
cat >"$WORKDIR/forms-ipv6" <<'EOF'
<TCPv6:\[\[::1\]:PORT5\]>
<TCPv6:\[\[::1\]:PORT6->\[::1\]:PORT5\]>
<TCPv6:\[\[::1\]:PORT5->\[::1\]:PORT6\]>
<TCPv6:\[INO3\]>
<UDPv6:\[\[::1\]:PORT7\]>
<UDPv6:\[\[::1\]:PORT8->\[::1\]:PORT7\]>
<UDPv6:\[INO4\]>
EOF
cat >"$WORKDIR/forms-pidfd" <<'EOF'
<pid:P1>
EOF

# check_forms LABEL TRACE: one TAP line, ok when TRACE shows every form
# that the kernel lets sockets_yy make (its notes are in untraced.err).
check_forms() {
	cp "$WORKDIR/forms" "$WORKDIR/forms-wanted"
	grep -qx 'no IPv6' "$WORKDIR/untraced.err" || cat "$WORKDIR/forms-ipv6" >>"$WORKDIR/forms-wanted"
	grep -qx 'no pidfd_open' "$WORKDIR/untraced.err" || cat "$WORKDIR/forms-pidfd" >>"$WORKDIR/forms-wanted"
	: >"$WORKDIR/forms-missing"
	while IFS= read -r form; do
		grep -Eq -e "$form" "$2" || echo "$form" >>"$WORKDIR/forms-missing"
	done <"$WORKDIR/forms-wanted"
	if [ -s "$2" ] && [ ! -s "$WORKDIR/forms-missing" ]; then
		ok "$1"
	else
		not_ok "$1"
		show_file "forms missing" "$WORKDIR/forms-missing"
		show_file "normalised trace" "$2"
	fi
}

# waiting: sockets_yy, started with "wait", waits for its line.
waiting() { grep -qx waiting "$WORKDIR/attached.out" 2>/dev/null; }

# check_attached ABI PROG: four TAP lines.  epolltrace -yy -p attaches to
# PROG waiting on a fifo, which then makes its sockets; its trace must be
# the command's (normalised strace in $WORKDIR/want.ABI).
check_attached() {
	# The last run's "waiting" must not pass for this one's.
	rm -f "$WORKDIR/attached.in" "$WORKDIR/attached.out" "$WORKDIR/attached.log" \
		"$WORKDIR/attached.log.err"
	mkfifo "$WORKDIR/attached.in"
	"$2" "$WORKDIR" wait <"$WORKDIR/attached.in" >"$WORKDIR/attached.out" 2>&1 &
	ca_pid=$!
	track $ca_pid
	exec 7>"$WORKDIR/attached.in"
	wait_until waiting
	# Not -qq, whose silence about attaching could not be waited for.
	start_tracer "$WORKDIR/attached.log" $ca_pid -yy
	if wait_until attached $ca_pid "$WORKDIR/attached.log"; then
		ok "$1 -yy -p: epolltrace attaches"
	else
		not_ok "$1 -yy -p: epolltrace attaches"
		show_file "epolltrace's stderr" "$WORKDIR/attached.log.err"
	fi
	echo go >&7
	exec 7>&-
	await_exit $ca_pid
	check_status "$1 -yy -p: sockets_yy exits 0" 0 "$RC"
	[ "$RC" = 0 ] || show_file "sockets_yy's output" "$WORKDIR/attached.out"
	await_exit "$TRACER_PID"
	check_status "$1 -yy -p: epolltrace exits 0 when it does" 0 "$RC"
	# What -qq hides, as in the command's trace.
	grep -Ev "$TID_PREFIX"'(\+\+\+ exited with 0 \+\+\+|\[ Process PID=[0-9]+ runs in .* mode\. \])$' \
		"$WORKDIR/attached.log" >"$WORKDIR/attached.log.qq"
	normalise "$WORKDIR/attached.log.qq" >"$WORKDIR/attached.got" 2>&1
	if [ -s "$WORKDIR/want.$1" ]; then
		compare_text "$1 -yy -p: the trace is strace's of the command" \
			"$WORKDIR/want.$1" "$WORKDIR/attached.got"
	else
		skip "$1 -yy -p: no strace trace to compare with"
	fi
}

# check_kept ABI PROG: one TAP line.
check_kept() {
	run_epolltrace "$WORKDIR/again.log" -qq -yy -- "$2" "$WORKDIR" again
	normalise "$WORKDIR/again.log" >"$WORKDIR/again.got" 2>&1
	if [ "$RC" = 0 ] &&
	   grep -Fq 'EPOLL_CTL_ADD, 5<UDP:[127.0.0.1:PORT1]>' "$WORKDIR/again.got" &&
	   grep -Fq 'EPOLL_CTL_MOD, 5<UDP:[127.0.0.1:PORT1]>' "$WORKDIR/again.got" &&
	   grep -Eq 'EPOLL_CTL_DEL, [0-9]+<TCP:\[127\.0\.0\.1:PORT[0-9]+->127\.0\.0\.1:PORT[0-9]+\]>, NULL' \
		"$WORKDIR/again.got"; then
		ok "$1 -yy: sockets changed or reset since they were found are shown as found, as strace"
	else
		not_ok "$1 -yy: sockets changed or reset since they were found are shown as found, as strace"
		echo "exit status $RC" | diag
		show_file "normalised trace" "$WORKDIR/again.got"
	fi
}

for abi in $ABIS; do
	if ! prog=$(prog_path sockets_yy $abi); then
		skip_n $CHECKS_PER_ABI "$(missing_reason $abi)"
		continue
	fi
	run_untraced "$prog" "$WORKDIR" 2>"$WORKDIR/untraced.err"
	check_status "$abi sockets_yy: exit status untraced" 0 "$RC"
	diag <"$WORKDIR/untraced.err"
	rm -f "$WORKDIR/want" "$WORKDIR/got"
	compare_with_strace "$abi -yy: output is strace's" -qq -yy -- "$prog" "$WORKDIR"
	if [ -s "$WORKDIR/want" ]; then
		cp "$WORKDIR/want" "$WORKDIR/want.$abi"
		check_forms "$abi -yy: the trace shows every form" "$WORKDIR/got"
	else
		skip "$abi -yy: strace is not installed"
	fi
	check_attached $abi "$prog"
	check_kept $abi "$prog"
done

# In a network namespace of its own, with its loopback up.
if ! prog=$(prog_path sockets_yy x86_64); then
	skip_n 2 "$(missing_reason x86_64)"
elif ! unshare -n true 2>/dev/null || ! command -v ip >/dev/null 2>&1; then
	skip_n 2 "no network namespace: needs root (unshare -n) and ip"
elif ! have_strace; then
	skip_n 2 "strace is not installed"
else
	rm -f "$WORKDIR/want" "$WORKDIR/got"
	compare_with_strace "-yy, tracee in another network namespace: output is strace's" \
		-qq -yy -- unshare -n sh -c 'ip link set lo up && exec "$0" "$@"' "$prog" "$WORKDIR"
	if grep -Fq ', 4<TCP:[INO1]>, ' "$WORKDIR/got" &&
	   grep -Fq '<NETLINK:[INO' "$WORKDIR/got"; then
		ok "-yy, tracee in another network namespace: sockets named by protocol and inode"
	else
		not_ok "-yy, tracee in another network namespace: sockets named by protocol and inode"
		show_file "normalised trace" "$WORKDIR/got"
	fi
fi
