#!/bin/sh
# -c, -C, -S and -w: the summary table's calls and errors are the calls the
# plain trace of the same program shows (and strace -c counts), and the
# epoll section's waits, timeouts and EINTRs per instance are those of the
# trace's waits on that epfd.  Times are never compared.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 20
# Not "log": lib.sh's run_tracer sets that.
out=$WORKDIR/out

# table_counts LOG: "name calls errors" per row of the summary tables, by
# name: the rows between each table's dashed rules (errors blank when 0).
table_counts() {
	awk '/^-+ -+ -+ -+ -+ -+$/ { inside = !inside; next }
	     inside { print $NF, $4, (NF == 6 ? $5 : 0) }' "$1" | sort
}

# trace_counts LOG: the same from a plain trace with -o: a call's name
# starts its line (or its "<... NAME resumed>"), a failure ends it "= -1 E...".
trace_counts() {
	awk '{ sub(/^[0-9]+ +/, "") }
	     /^<\.\.\. [a-z_0-9]+ resumed>/ { name = $2 }
	     /^[a-z_0-9]+\(/ { name = substr($0, 1, index($0, "(") - 1); calls[name]++ }
	     /\) += -1 E[A-Z0-9]+ / { errors[name]++ }
	     END { for (n in calls) print n, calls[n], errors[n] + 0 }' "$1" | sort
}

# section_rows LOG: "epfd waits timeouts EINTR" per row of the epoll section.
section_rows() {
	awk '/^epoll waits per instance/ { getline; inside = 1; next }
	     inside && NF == 13 { print $2, $3, $5, $6; next }
	     { inside = 0 }' "$1"
}

# trace_instances LOG: the same from a plain trace: the waits of each
# epfd, a new instance each time an epoll_create returns that fd number
# (the last one closed), in the order of their first wait.
trace_instances() {
	awk '{ sub(/^[0-9]+ +/, "") }
	     /^epoll_create1?\(.*\) += [0-9]+$/ { gen[$NF]++ }
	     /^epoll_(p?wait2?)\(/ {
		fd = substr($0, index($0, "(") + 1); sub(/[,) <].*/, "", fd)
		key = fd "#" gen[fd]
		if (!(key in waits)) order[n++] = key
		waits[key]++
		if ($0 ~ /\) += 0$/) timeouts[key]++
		if ($0 ~ /\) += -1 EINTR /) eintr[key]++
	     }
	     END { for (i = 0; i < n; i++) { k = order[i]; split(k, f, "#")
		   print f[1], waits[k], timeouts[k] + 0, eintr[k] + 0 } }' "$1"
}

# compare_counts LABEL PROG: the -c table against the plain trace, and
# the epoll section against the trace's waits: two TAP lines.
compare_counts() {
	run_epolltrace "$out.plain" -qq -- "$2"
	run_epolltrace "$out.c" -c -q -- "$2"
	trace_counts "$out.plain" >"$WORKDIR/want"
	table_counts "$out.c" >"$WORKDIR/got"
	if [ -s "$WORKDIR/want" ]; then
		compare_text "$1: -c calls and errors per syscall are the trace's" \
			"$WORKDIR/want" "$WORKDIR/got"
	else
		not_ok "$1: the plain trace shows calls"
	fi
	trace_instances "$out.plain" >"$WORKDIR/want"
	section_rows "$out.c" >"$WORKDIR/got"
	if [ -s "$WORKDIR/want" ]; then
		compare_text "$1: epoll section's waits, timeouts, EINTR per instance are the trace's" \
			"$WORKDIR/want" "$WORKDIR/got"
	else
		not_ok "$1: the plain trace shows waits"
	fi
}

for abi in $ABIS; do
	for name in epoll_calls two_threads signal_eintr; do
		if prog=$(prog_path $name $abi); then
			compare_counts "$abi $name" "$prog"
		else
			skip_n 2 "$(missing_reason $abi)"
		fi
	done
done

prog=$(prog_path epoll_calls x86_64) || { skip_n 7 "test program not built"; exit 0; }

# strace -c counts the same calls and errors.
if have_strace; then
	strace -f -c -o "$out.strace" -e trace=$EPOLL_SYSCALLS "$prog" </dev/null
	run_epolltrace "$out.c" -c -- "$prog"
	table_counts "$out.strace" >"$WORKDIR/want"
	table_counts "$out.c" >"$WORKDIR/got"
	if [ -s "$WORKDIR/want" ]; then
		compare_text "calls and errors are strace -c's" "$WORKDIR/want" "$WORKDIR/got"
	else
		not_ok "strace -c counts calls"
	fi
else
	skip "strace is not installed"
fi

# strace's header and rules, and no trace line with -c.
cat >"$WORKDIR/head" <<'HEAD'
% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
HEAD
run_epolltrace "$out.c" -c -- "$prog"
check "-c: strace's header, rules and total, and no trace line" \
	sh -c 'sed -n 1,2p "$1" | cmp -s - "$2" &&
	       grep -Eq "^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +107 +33 total$" "$1" &&
	       ! grep -Eq "^[0-9]+ +[a-z_0-9]+\(" "$1"' sh "$out.c" "$WORKDIR/head"

# -C: the trace, then the table, whose total is the number of call lines.
run_epolltrace "$out.C" -qq -C -- "$prog"
lines=$(grep -Ec '^[0-9]+ +[a-z_0-9]+\(' "$out.C")
check "-C: $lines trace lines, then the table with that total" \
	sh -c 'grep -Eq "^[0-9]+ +[a-z_0-9]+\(" "$1" &&
	       awk "/^% time/ { table = 1 } table && /^[0-9]+ +epoll/ { exit 1 }" "$1" &&
	       grep -Eq "^100\.00 .* $2 +[0-9]* *total$" "$1"' sh "$out.C" "$lines"

# -S: sorted_by COLUMN_AWK SORT_OPTIONS LOG: the table's rows are in that
# order of the column; false when there are none.
sorted_by() {
	sb_rows=$(awk "/^-+ /{i=!i;next} i{print $1}" "$3") && [ -n "$sb_rows" ] &&
		echo "$sb_rows" | LC_ALL=C sort -c $2
}
run_epolltrace "$out.S" -c -S calls -- "$prog"
check "-S calls: rows by calls, most first" sorted_by '$4' '-r -n' "$out.S"
run_epolltrace "$out.S" -c -S name -- "$prog"
check "-S name: rows by name" sorted_by '$NF' '' "$out.S"
run_epolltrace "$out.S" -c -w -S errors -- "$prog"
check "-w -S errors: rows by errors, most first" sorted_by '(NF == 6 ? $5 : 0)' '-r -n' "$out.S"

# Usage errors, as strace's.
"$EPOLLTRACE" -c -C true 2>"$WORKDIR/err" >/dev/null
rc_cC=$?
"$EPOLLTRACE" -w true 2>>"$WORKDIR/err" >/dev/null
rc_w=$?
"$EPOLLTRACE" -c -S bogus true 2>>"$WORKDIR/err" >/dev/null
check "-c with -C, -w alone, and an unknown -S are usage errors" \
	test "$rc_cC $rc_w $?" = "64 64 64"

# -p: the summary appears when epolltrace detaches.
if ! start_echo_server; then
	not_ok "-p: the echo server starts"
	exit 0
fi
start_tracer "$out.p" "$SERVER_PID" -c
if wait_until attached "$SERVER_PID" "$out.p" && signal_server && wait_until server_acked; then
	kill -TERM "$TRACER_PID"
	await_exit "$TRACER_PID"
	check "-p: after SIGTERM, a summary with the server's waits and its instance" \
		sh -c 'grep -Eq " epoll_wait$" "$1" && grep -Eq " total$" "$1" &&
		       awk -v pid="$2" "/^epoll waits per instance/ { getline; getline;
			    exit !(\$1 == pid && \$3 > 0) }" "$1"' sh "$out.p" "$SERVER_PID"
else
	not_ok "-p: epolltrace attaches and the server handles SIGUSR1"
fi
show_file "summary after detach" "$out.p" >/dev/null
stop_echo_server
