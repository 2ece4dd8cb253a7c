#!/bin/sh
# How a traced program ends (tests/progs/exit_status.c) reaches the shell
# unchanged: exit(N) gives N and "+++ exited with N +++"; death by a signal
# gives 128+N, as untraced, and "+++ killed by SIGX +++", with
# " (core dumped)" when the kernel dumped core.  With -q (not -qq) both
# tracers print those closing lines, which are compared with strace's too.
. "$TESTS_SRCDIR/e2e/lib.sh"

QUIET=-q
# Core files only where a case asks for them.
ulimit -S -c 0

# last_line_is LABEL WANT LOG: the last line, without its pid, is WANT.
last_line_is() {
	got=$(tail -n 1 "$3" | sed 's/^[0-9][0-9]* *//')
	if [ "$got" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf 'last line "%s", want "%s"\n' "$got" "$2" | diag
	fi
}

# ends_as LABEL STATUS LAST_LINE PROGRAM ARGS...: four TAP lines.
ends_as() {
	label=$1
	status=$2
	last=$3
	shift 3
	check_program "$label" "$status" "$@"
	# check_program left epolltrace's own -q run in self.log.
	last_line_is "$label: closing line" "$last" "$WORKDIR/self.log"
}

# dumps_core PROGRAM ARGS...: whether the kernel dumps core for it untraced.
dumps_core() {
	perl -e 'system(@ARGV); exit(($? & 128) ? 0 : 1)' "$@" 2>/dev/null
}

plan 50
for abi in $ABIS; do
	if ! prog=$(prog_path exit_status $abi); then
		skip_n 25 "$(missing_reason $abi)"
		continue
	fi
	ends_as "$abi exit 0" 0 '+++ exited with 0 +++' "$prog" exit 0
	ends_as "$abi exit 7" 7 '+++ exited with 7 +++' "$prog" exit 7
	ends_as "$abi SIGTERM" 143 '+++ killed by SIGTERM +++' "$prog" signal 15
	ends_as "$abi SIGKILL" 137 '+++ killed by SIGKILL +++' "$prog" signal 9
	ends_as "$abi SIGSEGV" 139 '+++ killed by SIGSEGV +++' "$prog" segv
	ends_as "$abi exit 4 with a thread asleep in epoll_wait" 4 \
		'+++ exited with 4 +++' "$prog" threads 4

	# A core file lands in the current directory: keep it in WORKDIR.
	mkdir -p "$WORKDIR/core"
	if ! (cd "$WORKDIR/core" && ulimit -S -c unlimited 2>/dev/null &&
	      dumps_core "$prog" segv); then
		skip "$abi SIGSEGV with core: no core dump here (ulimit -c or core_pattern)"
		continue
	fi
	(cd "$WORKDIR/core" && ulimit -S -c unlimited &&
	 run_epolltrace "$WORKDIR/core.log" -q -- "$prog" segv)
	last_line_is "$abi SIGSEGV with core: closing line" \
		'+++ killed by SIGSEGV (core dumped) +++' "$WORKDIR/core.log"
done
