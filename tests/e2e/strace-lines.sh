#!/bin/sh
# strace's line discipline and notices: -o with a command implies -q; the
# pid prefix in a file comes with -f, or (since epolltrace always follows
# children) once a second task exists; -ff -o F writes F.TID per task; and
# the qualifiers that choose what is printed: -e quiet=, -e signal=,
# -e status=, --decode-fds.  Against strace where it prints the same.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 27

# plain_run LOG TRACER [OPTIONS...] -- PROG: TRACER -o LOG, with no -f,
# its stderr in LOG.err.
plain_run() {
	pr_log=$1
	shift
	timeout $HANG_GUARD "$@" </dev/null 2>"$pr_log.err"
	RC=$?
}

for abi in $ABIS; do
	if ! prog=$(prog_path epoll_calls $abi); then
		skip_n 3 "$(missing_reason $abi)"
		continue
	fi
	plain_run "$WORKDIR/e.log" "$EPOLLTRACE" -o "$WORKDIR/e.log" "$prog"
	check "$abi -o COMMAND: -q is implied, nothing on stderr" test ! -s "$WORKDIR/e.log.err"
	check "$abi -o COMMAND: one process, no pid prefix" \
		sh -c 'head -n 1 "$1" | grep -q "^epoll_" && ! grep -Eq "^[0-9]+ " "$1"' sh "$WORKDIR/e.log"
	if have_strace; then
		plain_run "$WORKDIR/s.log" strace -o "$WORKDIR/s.log" -e trace=$EPOLL_SYSCALLS "$prog"
		normalise "$WORKDIR/s.log" --strace61 >"$WORKDIR/want" 2>&1
		normalise "$WORKDIR/e.log" >"$WORKDIR/got" 2>&1
		compare_text "$abi -o COMMAND: the file is strace's (no personality line either)" \
			"$WORKDIR/want" "$WORKDIR/got"
	else
		skip "strace is not installed"
	fi
done

# Without -f, a file's lines get the pid only while several tasks are traced.
if prog=$(prog_path two_threads x86_64); then
	plain_run "$WORKDIR/e.log" "$EPOLLTRACE" -qq -o "$WORKDIR/e.log" "$prog"
	check "-o without -f: the first line, before the thread, has no pid" \
		sh -c 'head -n 1 "$1" | grep -q "^epoll_create1("' sh "$WORKDIR/e.log"
	check "-o without -f: lines written while the thread runs have their pid" \
		grep -Eq '^[0-9]+ +epoll_' "$WORKDIR/e.log"
else
	skip_n 2 "test program not built"
fi

# ff_files DIR: the files' normalised contents, in the order of their pids.
ff_files() {
	for f in $(ls "$1" | sort -t. -k2,2n); do
		echo "== file"
		normalise "$1/$f" $2
	done
}

if ! prog=$(prog_path fork_children x86_64); then
	skip_n 3 "test program not built"
elif ! have_strace; then
	skip_n 3 "strace is not installed"
else
	mkdir "$WORKDIR/eff" "$WORKDIR/sff"
	plain_run "$WORKDIR/eff.run" "$EPOLLTRACE" -qq -ff -o "$WORKDIR/eff/t" "$prog"
	check "-ff -o F: no file F itself, a file F.TID per task" \
		sh -c '[ ! -e "$1/t" ] && [ "$(ls "$1" | wc -l)" -gt 2 ]' sh "$WORKDIR/eff"
	check "-ff -o F: no line has a pid prefix" \
		sh -c '! cat "$1"/* | grep -Eq "^[0-9]+ "' sh "$WORKDIR/eff"
	plain_run "$WORKDIR/sff.run" strace -qq -ff -o "$WORKDIR/sff/t" -e trace=$EPOLL_SYSCALLS "$prog"
	ff_files "$WORKDIR/sff" --strace61 >"$WORKDIR/want"
	ff_files "$WORKDIR/eff" >"$WORKDIR/got"
	compare_text "-ff -o F: each task's file is strace's" "$WORKDIR/want" "$WORKDIR/got"
fi

# ---- Qualifiers, against strace -f ----

if prog=$(prog_path signal_eintr x86_64); then
	compare_with_strace "-e signal=none: no signal lines" -qq -e signal=none -- "$prog"
	compare_with_strace "-e signal=!SIGUSR1: all but SIGUSR1's" -qq -e signal='!SIGUSR1' -- "$prog"
	compare_with_strace "--signal=chld,10: by name without SIG and by number" \
		-qq --signal=chld,10 -- "$prog"
	compare_with_strace "-e status=failed: the failed calls only" -qq -e status=failed -- "$prog"
	compare_with_strace "--status=successful: the others" -qq --status=successful -- "$prog"
	compare_with_strace "-e quiet=exit,attach: no exit lines" -e quiet=exit,attach -- "$prog"
else
	skip_n 6 "test program not built"
fi

if prog=$(prog_path exec_chain x86_64) && target=$(prog_path exec_target x86_64); then
	# Each of -qqq's notices on its own, by name.
	run_epolltrace "$WORKDIR/e.log" -e quiet=personality -- "$prog" thread "$target" 5
	check "-e quiet=personality: the exit and execve lines stay" \
		sh -c 'grep -q "+++ exited with 5" "$1" && grep -q "+++ superseded" "$1"' sh "$WORKDIR/e.log"
	run_epolltrace "$WORKDIR/e.log" -e quiet=exits,superseded -- "$prog" thread "$target" 5
	check "-e quiet=exits,superseded: neither kind of line" \
		sh -c '! grep -Eq "\+\+\+ (exited|superseded)" "$1" && grep -q epoll_ "$1"' sh "$WORKDIR/e.log"
else
	skip_n 2 "test program not built"
fi

out=$WORKDIR/out
err=$WORKDIR/err
# refused NAME WHAT ARGS...: epolltrace ARGS exits 64 (a usage error) with one line on stderr matching WHAT.
refused() {
	rf_name=$1
	rf_what=$2
	shift 2
	timeout $HANG_GUARD "$EPOLLTRACE" "$@" </dev/null >"$out" 2>"$err"
	rf_rc=$?
	if [ $rf_rc = 64 ] && [ "$(wc -l <"$err")" = 1 ] && grep -Eq "$rf_what" "$err"; then
		ok "$rf_name"
	else
		not_ok "$rf_name"
		echo "exit status $rf_rc; stderr:" | diag
		diag <"$err"
	fi
}
refused "-q with -e quiet= is refused, as by strace" "cannot be given together" -q -e quiet=exit true
refused "an unknown -e quiet= member is named" "invalid quiet 'bogus'" -e quiet=bogus true
refused "an unknown signal is named" "invalid signal 'SIGNOPE'" -e signal=SIGNOPE true
refused "-e raw= is refused with what to use instead" "use -X raw" -e raw=all true
refused "strace's -D is refused with what to use instead" "strace's -D is not supported: epolltrace stays" \
	-D true
refused "strace's --seccomp-bpf too" "strace's --seccomp-bpf is not supported: a started command" \
	--seccomp-bpf true

if prog=$(prog_path fd_reuse x86_64); then
	run_epolltrace "$WORKDIR/y.log" -qq -y -- "$prog"
	run_epolltrace "$WORKDIR/d.log" -qq --decode-fds -- "$prog"
	compare_text "--decode-fds is -y" "$WORKDIR/y.log" "$WORKDIR/d.log"
	run_epolltrace "$WORKDIR/y.log" -qq -yy -- "$prog"
	run_epolltrace "$WORKDIR/d.log" -qq --decode-fds=all -- "$prog"
	compare_text "--decode-fds=all is -yy" "$WORKDIR/y.log" "$WORKDIR/d.log"
else
	skip_n 2 "test program not built"
fi
