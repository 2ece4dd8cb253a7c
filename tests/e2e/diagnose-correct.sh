#!/bin/sh
# epolltrace --diagnose on correct programs (tests/progs/diag_ok_*.c): an
# ET reader that drains to EAGAIN, a ONESHOT loop that re-arms, EPOLLEXCLUSIVE
# across instances, DEL before close with the fd number reused, children
# with their own instances, a loop that blocks with timeouts, libuv's
# ADD->EEXIST->MOD and libevent's MOD->ENOENT->ADD recoveries, and a
# request/response server that asks for EPOLLOUT only with data to write.
# No warning of any kind may appear.  Three TAP lines per program and ABI:
# the exit status untraced and under epolltrace, and no warning line in a
# trace that holds the program's epoll calls.
. "$TESTS_SRCDIR/e2e/lib.sh"

PROGS="diag_ok_et_nonblock diag_ok_oneshot_rearm diag_ok_exclusive
diag_ok_del_before_close diag_ok_fork_own_instance diag_ok_blocking_timeouts
diag_ok_eexist_mod diag_ok_enoent_add diag_ok_request_response"

nprogs=0
for name in $PROGS; do nprogs=$((nprogs + 1)); done
plan $((nprogs * 2 * 3))

for name in $PROGS; do
	for abi in $ABIS; do
		if ! prog=$(prog_path "$name" $abi); then
			skip_n 3 "$(missing_reason $abi)"
			continue
		fi
		label="$abi $name"
		run_untraced "$prog" >"$WORKDIR/stdout"
		check_status "$label: exit status untraced" 0 "$RC"

		log=$WORKDIR/trace.log
		rm -f "$log"
		timeout $HANG_GUARD "$EPOLLTRACE" --diagnose -f -o "$log" -- "$prog" \
			</dev/null >"$WORKDIR/stdout" 2>"$WORKDIR/stderr"
		RC=$?
		touch "$log"
		check_status "$label: exit status under epolltrace --diagnose" 0 "$RC"
		[ "$RC" = 0 ] || show_file "stderr" "$WORKDIR/stderr"

		# An empty trace would have no warning either.
		if ! grep -Eq "${TID_PREFIX}epoll_(create1|ctl|wait)\\(" "$log"; then
			not_ok "$label: no warning"
			echo "the trace holds no epoll call ($(wc -l <"$log") lines)" | diag
		elif grep 'warning\[' "$log" >"$WORKDIR/warnings"; then
			not_ok "$label: no warning"
			echo "$(wc -l <"$WORKDIR/warnings") warning lines:" | diag
			head -n 20 "$WORKDIR/warnings" | diag
		else
			ok "$label: no warning"
		fi
	done
done
