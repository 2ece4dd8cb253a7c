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
. "$TESTS_SRCDIR/e2e/diagnose-lib.sh"

KINDS="ctl-eexist ctl-enoent closed-while-registered stale-event
oneshot-not-rearmed et-blocking-fd level-not-consumed spin-loop
maxevents-saturated thundering-herd shared-across-fork eperm-unpollable
exclusive-misuse nested-loop"

diagnose_plan "$KINDS" 4

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

# check_warning KIND LABEL: two TAP lines, the warning the program
# announced is in the trace, and only once.
check_warning() {
	cw_kind=$1
	cw_label=$2
	if ! prefix=$(warning_prefix "$cw_kind" "$WORKDIR/stdout"); then
		not_ok "$cw_label: warning[$cw_kind] is printed"
		echo "the program printed no single well-formed expect line:" | diag
		head -n 5 "$WORKDIR/stdout" | diag
		not_ok "$cw_label: warning[$cw_kind] is printed once"
		return
	fi
	count=$(count_lines "$prefix" "$WORKDIR/trace.log")
	if [ "$count" -ge 1 ]; then
		ok "$cw_label: warning[$cw_kind] is printed"
	else
		not_ok "$cw_label: warning[$cw_kind] is printed"
		echo "want a line starting '$prefix'" | diag
		show_warnings "$WORKDIR/trace.log"
	fi
	if [ "$count" -eq 1 ]; then
		ok "$cw_label: warning[$cw_kind] is printed once"
	else
		not_ok "$cw_label: warning[$cw_kind] is printed once"
		echo "$count lines start '$prefix'" | diag
		[ "$count" -gt 1 ] && show_warnings "$WORKDIR/trace.log"
	fi
}

for kind in $KINDS; do
	diagnose_each_abi "diag_$(echo "$kind" | tr - _)" 4 check_warning "$kind"
done
