# The runner of the epolltrace --diagnose tests (diagnose-kinds.sh,
# diagnose-correct.sh and diagnose-storm.sh): each of their programs must
# exit 0 both untraced and under --diagnose, whatever that script then
# looks for in the trace.
# Sourced after lib.sh.

# diagnose_plan NAMES N: the TAP plan for N lines per program of the list
# NAMES and ABI.
diagnose_plan() {
	dp_lines=$2
	set -- $1
	dp_progs=$#
	set -- $ABIS
	plan $((dp_progs * $# * dp_lines))
}

# diagnose_each_abi NAME N CHECK [ARGS...]: for the x86_64 and the i386
# build of tests/progs/NAME, two TAP lines (the exit status untraced and
# under epolltrace --diagnose -f), then CHECK ARGS... LABEL, which reads
# the trace in $WORKDIR/trace.log, the traced program's stdout in
# $WORKDIR/stdout and its stderr in $WORKDIR/stderr and adds N - 2 lines.
# N skipped lines for a build that is missing.
diagnose_each_abi() {
	da_name=$1
	da_lines=$2
	shift 2
	for da_abi in $ABIS; do
		if ! da_prog=$(prog_path "$da_name" $da_abi); then
			skip_n "$da_lines" "$(missing_reason $da_abi)"
			continue
		fi
		da_label="$da_abi $da_name"
		run_untraced "$da_prog" >"$WORKDIR/untraced.out"
		check_status "$da_label: exit status untraced" 0 "$RC"

		rm -f "$WORKDIR/trace.log"
		timeout $HANG_GUARD "$EPOLLTRACE" --diagnose -f -o "$WORKDIR/trace.log" \
			-- "$da_prog" </dev/null >"$WORKDIR/stdout" 2>"$WORKDIR/stderr"
		RC=$?
		# Where epolltrace wrote no trace, CHECK reads an empty one.
		touch "$WORKDIR/trace.log"
		check_status "$da_label: exit status under epolltrace --diagnose" 0 "$RC"
		[ "$RC" = 0 ] || show_file "stderr" "$WORKDIR/stderr"

		"$@" "$da_label"
	done
}

# check_no_warning LABEL: one TAP line, the trace has no warning line.
check_no_warning() {
	# An empty trace would have no warning either.
	if ! grep -Eq "${TID_PREFIX}epoll_(create1|ctl|wait)\\(" "$WORKDIR/trace.log"; then
		not_ok "$1: no warning"
		echo "the trace holds no epoll call ($(wc -l <"$WORKDIR/trace.log") lines)" | diag
	elif grep 'warning\[' "$WORKDIR/trace.log" >"$WORKDIR/warnings"; then
		not_ok "$1: no warning"
		echo "$(wc -l <"$WORKDIR/warnings") warning lines:" | diag
		head -n 20 "$WORKDIR/warnings" | diag
	else
		ok "$1: no warning"
	fi
}
