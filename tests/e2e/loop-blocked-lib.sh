# tests/progs/loop_blocked under epolltrace --diagnose, for the tests of
# loop-blocked (diagnose-blocked.sh, diagnose-blocked-stack.sh).  Sourced
# after lib.sh, with $prog set by abi_prog.

LOG=$WORKDIR/trace.log

# run_mode MODE [OPTIONS...]: loop_blocked MODE under epolltrace --diagnose
# in the background, its stdin on fd 7; sets TRACER_PID and PROG_PID
# (empty when the program said "skip: why" instead).
run_mode() {
	rm -f "$WORKDIR/in" "$WORKDIR/out" "$LOG"
	mkfifo "$WORKDIR/in"
	rm_mode=$1
	shift
	"$EPOLLTRACE" --diagnose -o "$LOG" "$@" -- "$prog" "$rm_mode" \
		<"$WORKDIR/in" >"$WORKDIR/out" 2>"$WORKDIR/err" &
	TRACER_PID=$!
	track $TRACER_PID
	exec 7>"$WORKDIR/in"
	wait_until grep -Eq '^(pid=|skip:)' "$WORKDIR/out"
	PROG_PID=$(sed -n 's/^pid=\([0-9]*\) .*/\1/p' "$WORKDIR/out")
}

# release MODE: what ends the handler's block.
release() {
	case $1 in
	read | et-read) echo more >&7 ;;
	*) kill -USR1 "$PROG_PID" ;;
	esac
}

# end_mode MODE: releases the handler and waits for the end; sets RC.
end_mode() {
	release "$1"
	exec 7>&-
	await_exit "$TRACER_PID"
}
