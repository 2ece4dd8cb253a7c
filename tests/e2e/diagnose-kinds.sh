#!/bin/sh
# epolltrace --diagnose on one buggy program per warning kind
# (tests/progs/diag_KIND.c, dashes as underscores).  Each program makes its
# mistake, checks that every call did what the kernel does, exits 0, and
# prints "expect pid=P epfd=E fd=F" (fd=-1 for the kinds that concern no
# single fd).  The trace must then hold exactly one line that starts
#   epolltrace: warning[KIND]: pid P epfd E fd F: 
# or, for fd=-1,
#   epolltrace: warning[KIND]: pid P epfd E: 
# followed by its evidence and explanation.  Four TAP lines per program
# and ABI: the exit status untraced and under epolltrace, the warning is
# there, and it is there once.
. "$TESTS_SRCDIR/e2e/lib.sh"

KINDS="ctl-eexist ctl-enoent closed-while-registered stale-event
oneshot-not-rearmed et-blocking-fd level-not-consumed spin-loop
maxevents-saturated thundering-herd shared-across-fork eperm-unpollable
exclusive-misuse nested-loop"

nkinds=0
for kind in $KINDS; do nkinds=$((nkinds + 1)); done
plan $((nkinds * 2 * 4))

# warning_prefix KIND EXPECT_FILE: prints the prefix the warning line must
# start with, from the program's "expect" line; fails without one.
warning_prefix() {
	wp_line=$(grep -Ex 'expect pid=[0-9]+ epfd=[0-9]+ fd=-?[0-9]+' "$2")
	[ -n "$wp_line" ] && [ "$(grep -c '^expect ' "$2")" -eq 1 ] || return 1
	wp_pid=$(echo "$wp_line" | sed 's/.* pid=\([0-9]*\) .*/\1/')
	wp_epfd=$(echo "$wp_line" | sed 's/.* epfd=\([0-9]*\) .*/\1/')
	wp_fd=$(echo "$wp_line" | sed 's/.* fd=\(-\{0,1\}[0-9]*\)$/\1/')
	if [ "$wp_fd" = -1 ]; then
		echo "epolltrace: warning[$1]: pid $wp_pid epfd $wp_epfd: "
	else
		echo "epolltrace: warning[$1]: pid $wp_pid epfd $wp_epfd fd $wp_fd: "
	fi
}

# count_lines PREFIX LOG: the lines of LOG that start with PREFIX and go on.
count_lines() {
	awk -v p="$1" 'index($0, p) == 1 && length($0) > length(p) { n++ }
		END { print n + 0 }' "$2"
}

# show_warnings LOG: every warning line of LOG (or say there is none), and
# epolltrace's and the program's stderr.
show_warnings() {
	if grep -q 'warning\[' "$1"; then
		echo "warning lines in the trace:" | diag
		grep 'warning\[' "$1" | head -n 20 | diag
	else
		echo "no warning line in the trace ($(wc -l <"$1") lines)" | diag
	fi
	if [ -s "$WORKDIR/stderr" ]; then
		echo "stderr:" | diag
		head -n 20 "$WORKDIR/stderr" | diag
	fi
}

for kind in $KINDS; do
	name=diag_$(echo "$kind" | tr - _)
	for abi in $ABIS; do
		if ! prog=$(prog_path "$name" $abi); then
			skip_n 4 "$(missing_reason $abi)"
			continue
		fi
		label="$abi $name"
		run_untraced "$prog" >"$WORKDIR/untraced.out"
		check_status "$label: exit status untraced" 0 "$RC"

		log=$WORKDIR/trace.log
		rm -f "$log"
		timeout $HANG_GUARD "$EPOLLTRACE" --diagnose -f -o "$log" -- "$prog" \
			</dev/null >"$WORKDIR/stdout" 2>"$WORKDIR/stderr"
		RC=$?
		touch "$log"
		check_status "$label: exit status under epolltrace --diagnose" 0 "$RC"
		[ "$RC" = 0 ] || show_file "stderr" "$WORKDIR/stderr"

		if ! prefix=$(warning_prefix "$kind" "$WORKDIR/stdout"); then
			not_ok "$label: warning[$kind] is printed"
			echo "the program printed no single well-formed expect line:" | diag
			head -n 5 "$WORKDIR/stdout" | diag
			not_ok "$label: warning[$kind] is printed once"
			continue
		fi
		count=$(count_lines "$prefix" "$log")
		if [ "$count" -ge 1 ]; then
			ok "$label: warning[$kind] is printed"
		else
			not_ok "$label: warning[$kind] is printed"
			echo "want a line starting '$prefix'" | diag
			show_warnings "$log"
		fi
		if [ "$count" -eq 1 ]; then
			ok "$label: warning[$kind] is printed once"
		else
			not_ok "$label: warning[$kind] is printed once"
			echo "$count lines start '$prefix'" | diag
			[ "$count" -gt 1 ] && show_warnings "$log"
		fi
	done
done
