#!/bin/sh
# The command line: -h, -V, -o, -f, and the errors for an unknown option,
# an unknown syscall in -e trace=, and a command that is missing or cannot
# be run.  Errors are a line starting with "epolltrace: " and a non-zero
# exit, and the command is not run.
. "$TESTS_SRCDIR/e2e/lib.sh"

out=$WORKDIR/stdout
err=$WORKDIR/stderr
marker=$WORKDIR/ran

# run OPTIONS...: epolltrace with stdout and stderr kept; sets RC.
run() {
	timeout $HANG_GUARD "$EPOLLTRACE" "$@" </dev/null >"$out" 2>"$err"
	RC=$?
}

# refused LABEL OPTIONS...: two TAP lines for a command line epolltrace
# must refuse without running the command.
refused() {
	label=$1
	shift
	rm -f "$marker"
	run "$@"
	if [ "$RC" -ne 0 ] && [ "$RC" -ne 124 ] && head -n 1 "$err" | grep -q '^epolltrace: '; then
		ok "$label: an error line and a non-zero exit"
	else
		not_ok "$label: an error line and a non-zero exit"
		{ echo "exit status $RC, stderr:"; cat "$err"; } | diag
	fi
	check "$label: the command did not run" test ! -e "$marker"
}

plan 26

run -h
check "-h exits 0 and prints a usage text naming epolltrace" \
	sh -c '[ '"$RC"' -eq 0 ] && grep -qi "usage" "$1" && grep -q epolltrace "$1"' sh "$out"
run --help
check "--help is -h" sh -c '[ '"$RC"' -eq 0 ] && grep -qi "usage" "$1"' sh "$out"
run -V
check "-V exits 0 and prints the name and a version" \
	sh -c '[ '"$RC"' -eq 0 ] && head -n 1 "$1" | grep -q "epolltrace.*[0-9]\.[0-9]"' sh "$out"

refused "unknown option" --no-such-option touch "$marker"
refused "unknown syscall in -e trace=" -e trace=no_such_call touch "$marker"
check "the unknown syscall is named in the error" grep -q no_such_call "$err"
refused "-e trace= with a syscall outside the epoll set" -e trace=read touch "$marker"
refused "missing command" -qq
refused "an empty -e trace=" -e trace= touch "$marker"
refused "an option without its argument" -qq -s
check "a missing argument is named as such" grep -q "needs an argument" "$err"
refused "a command that does not exist" -qq "$WORKDIR/no/such/command"

if prog=$(prog_path epoll_params x86_64); then
	run -qq -o "$WORKDIR/trace" "$prog"
	check "-o: the program runs" test "$RC" -eq 0
	check "-o: nothing on stderr" test ! -s "$err"
	check "-o: one process, so its lines have no pid, as strace's" \
		grep -q '^epoll_create1(0) *= 3$' "$WORKDIR/trace"
	run -qq -o "$WORKDIR/trace-f" -f "$prog"
	# The pid counts in the alignment column, as in strace's.
	check "-f -o: each line after the pid, and otherwise the same" \
		sh -c '[ '"$RC"' -eq 0 ] && grep -q "^[0-9][0-9]* *epoll_create1(0) *= 3$" "$2" &&
		       [ "$(sed "s/  *= / = /" "$1")" = "$(sed "s/^[0-9]* *//; s/  *= / = /" "$2")" ]' \
		sh "$WORKDIR/trace" "$WORKDIR/trace-f"
else
	skip_n 4 "test program not built"
fi

run -qq -o "$WORKDIR/echo-trace" echo hello
check "the program's stdout passes through" \
	sh -c '[ '"$RC"' -eq 0 ] && [ "$(cat "$1")" = hello ]' sh "$out"

# Without CAP_SYS_ADMIN the filter needs NO_NEW_PRIVS; the trace must work.
if ! nobody_can_run; then
	skip_n 2 "$NOBODY_WHY"
elif ! prog=$(prog_path epoll_params x86_64); then
	skip_n 2 "test program not built"
else
	cp "$prog" "$WORKDIR/prog" && chmod 755 "$WORKDIR/prog"
	timeout $HANG_GUARD $AS_NOBODY "$NOBODY_EPOLLTRACE" -qq "$WORKDIR/prog" \
		</dev/null >"$out" 2>"$err"
	RC=$?
	check "as an unprivileged user: the program runs" test "$RC" -eq 0
	check "as an unprivileged user: its calls are traced" grep -q 'epoll_create1(0) *= 3$' "$err"
fi
