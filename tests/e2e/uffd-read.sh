#!/bin/sh
# A ctl's event in a page that userfaultfd tracks, whose handler thread
# waits at a stop of epolltrace's (tests/progs/uffd_read.c): epolltrace
# does not read it, shows its address and says why, never waits in the
# kernel for the handler (D state), and ends within the hang guard.  The
# same with the page dropped again and again (tests/progs/uffd_race.c),
# so that it can be missing when read though filled when looked at.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 14

# show_tasks PID: where each thread of PID and of its children sleeps: its
# state, wait channel, system call and (to root) kernel stack.
show_tasks() {
	for st_task in /proc/$1/task/*; do
		echo "${st_task#/proc/} $(proc_state "$st_task") $(cat "$st_task/wchan" 2>/dev/null) syscall $(cat "$st_task/syscall" 2>/dev/null)"
		sed 's/^/    /' "$st_task/stack" 2>/dev/null
	done
	for st_child in $(cat /proc/$1/task/*/children 2>/dev/null); do
		show_tasks $st_child
	done
}

# run_watched PROG: runs PROG under epolltrace (-o log, stderr in err),
# sampling its main thread's state; sets RC, and stuck when it waited in D.
# A tracer waiting for the handler sleeps in D for good, where disk I/O
# would give a sample or two of D; 20 in a row (2 s or more) is the wait.
# Only its end ends the sampling: under ASan, the leak check at its exit
# holds it in a tracing stop (t), which is no end.
run_watched() {
	"$EPOLLTRACE" -f -qq -o "$WORKDIR/log" -- "$1" </dev/null 2>"$WORKDIR/err" &
	tracer=$!
	samples=0 d_run=0 stuck=false
	rm -f "$WORKDIR/tasks"
	until ended $tracer; do
		if [ "$(proc_state /proc/$tracer)" = D ]; then d_run=$((d_run + 1)); else d_run=0; fi
		if [ $d_run -ge 20 ]; then
			show_tasks $tracer >"$WORKDIR/tasks"
			stuck=true
			break
		fi
		samples=$((samples + 1))
		[ $samples -ge $((HANG_GUARD * 10)) ] && break
		sleep 0.1
	done
	if ! ended $tracer; then
		[ -e "$WORKDIR/tasks" ] || show_tasks $tracer >"$WORKDIR/tasks"
		kill -KILL $tracer
		stuck=true
	fi
	wait $tracer
	RC=$?
}

for abi in $ABIS; do
	abi_prog uffd_read $abi 7 || continue
	run_untraced "$prog" 2>"$WORKDIR/err"
	if [ $RC = 77 ]; then
		skip_n 7 "$abi: $(cat "$WORKDIR/err") (needs root, or vm.unprivileged_userfaultfd=1)"
		continue
	fi
	check_status "$abi: exit status untraced" 0 $RC

	run_watched "$prog"
	check "$abi: epolltrace never waits in D state for the handler" test $stuck = false
	if $stuck; then diag <"$WORKDIR/tasks"; fi
	check_status "$abi: exit status under epolltrace" 0 $RC
	# The main thread's ctl; the handler's own event is on its stack.
	addr=$(sed -n 's/.*epoll_ctl([0-9]*, EPOLL_CTL_ADD, [0-9]*, \(0x[0-9a-f]*\)\( <unfinished\|)  *= 0$\).*/\1/p' \
		"$WORKDIR/log")
	if [ -n "$addr" ]; then
		ok "$abi: the ctl's line shows the event's address"
	else
		not_ok "$abi: the ctl's line shows the event's address"
		diag <"$WORKDIR/log"
	fi
	if [ "$(grep -c . "$WORKDIR/err")" = 1 ] &&
		grep -Eq "^epolltrace: [0-9]+: ${addr:-none} not read: userfaultfd tracks that page" \
			"$WORKDIR/err"; then
		ok "$abi: one line says why it was not read"
	else
		not_ok "$abi: one line says why it was not read"
		diag <"$WORKDIR/err"
	fi

	abi_prog uffd_race $abi 2 || continue
	run_watched "$prog"
	check "$abi race: epolltrace never waits in D state for the handler" test $stuck = false
	if $stuck; then diag <"$WORKDIR/tasks"; fi
	check_status "$abi race: exit status under epolltrace" 0 $RC
	grep '^uffd_race:' "$WORKDIR/err" | diag
done
