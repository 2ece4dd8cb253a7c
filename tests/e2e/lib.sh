# Shared helpers of the end-to-end tests: TAP output, running a program
# under epolltrace and under strace, and comparing the two.  Every
# tests/e2e/*.sh sources this file; the harness sets EPOLLTRACE,
# TESTS_SRCDIR and TESTS_BUILDDIR.

: "${EPOLLTRACE:?EPOLLTRACE must name the epolltrace binary}"
: "${TESTS_SRCDIR:?}" "${TESTS_BUILDDIR:?}"

# Only a guard against hangs: a run that takes this long has failed.
HANG_GUARD=60
# What strace must trace to print what epolltrace prints by default (strace
# 6.1 does not know the epoll ioctls, which are checked separately).
EPOLL_SYSCALLS=epoll_create,epoll_create1,epoll_ctl,epoll_wait,epoll_pwait,epoll_pwait2
PROGS_DIR=$TESTS_BUILDDIR/progs

WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-e2e.XXXXXX") || exit 99
trap 'rm -rf "$WORKDIR"' EXIT

tap_count=0

plan() { echo "1..$1"; }

ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $*"
}

not_ok() {
	tap_count=$((tap_count + 1))
	echo "not ok $tap_count - $*"
}

skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # SKIP $*"
}

# Copies stdin to the TAP stream as comments.
diag() { sed 's/^/# /'; }

# check NAME COMMAND...: one TAP line, ok when COMMAND succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# check_status NAME WANT GOT
check_status() {
	if [ "$3" = "$2" ]; then
		ok "$1"
	else
		not_ok "$1"
		echo "exit status $3, want $2" | diag
	fi
}

# The ABIs a test runs its programs in: i386 too when configure built them.
ABIS="x86_64 i386"

# prog_path NAME ABI: prints the program's path; fails when not built.
prog_path() {
	case $2 in
	x86_64) path=$PROGS_DIR/$1 ;;
	i386) path=$PROGS_DIR/$1.m32 ;;
	esac
	[ -x "$path" ] && echo "$path"
}

# Why prog_path found nothing, for a TAP skip.
missing_reason() {
	case $1 in
	i386) echo "no i386 build: configure found no working \$CC -m32" ;;
	*) echo "test program not built" ;;
	esac
}

have_strace() { command -v strace >/dev/null 2>&1; }

# run_untraced COMMAND...: sets RC.
run_untraced() {
	timeout $HANG_GUARD "$@" </dev/null
	RC=$?
}

# How the tracers write their lines: "file" (-o LOG, every line starting
# with the pid) or "stderr" (redirected to LOG, "[pid N] " prefixes).
OUTPUT_MODE=file

# run_tracer LOG TRACER ARGS...: runs TRACER ARGS... with its output in
# LOG; sets RC.
run_tracer() {
	log=$1
	tracer=$2
	shift 2
	if [ "$OUTPUT_MODE" = stderr ]; then
		timeout $HANG_GUARD "$tracer" "$@" </dev/null 2>"$log"
	else
		timeout $HANG_GUARD "$tracer" -o "$log" "$@" </dev/null
	fi
	RC=$?
}

# run_epolltrace LOG [OPTIONS] -- COMMAND...
run_epolltrace() {
	log=$1
	shift
	run_tracer "$log" "$EPOLLTRACE" "$@"
}

# run_strace LOG [OPTIONS] -- COMMAND...: strace -f with the epoll set
# (a later -e trace= of the caller overrides it).
run_strace() {
	log=$1
	shift
	run_tracer "$log" strace -f -e trace=$EPOLL_SYSCALLS "$@"
}

# normalise LOG [normalise-trace.pl OPTIONS]
normalise() {
	log=$1
	shift
	perl "$TESTS_SRCDIR/e2e/normalise-trace.pl" "$@" "$log"
}

# compare_with_strace NAME [OPTIONS] -- COMMAND...
#
# Runs COMMAND under strace and under epolltrace with the same OPTIONS and
# emits one TAP line: ok when the normalised outputs and the exit statuses
# are the same.  NORMALISE_OPTS (e.g. --per-task) and ALIGN (the -a column
# in effect) tune the normalisation.  Leaves the statuses in STRACE_RC and
# EPOLLTRACE_RC and the normalised logs in $WORKDIR.
compare_with_strace() {
	name=$1
	shift
	if ! have_strace; then
		skip "$name: strace is not installed"
		return
	fi
	run_strace "$WORKDIR/strace.log" "$@"
	STRACE_RC=$RC
	run_epolltrace "$WORKDIR/epolltrace.log" "$@"
	EPOLLTRACE_RC=$RC
	normalise "$WORKDIR/strace.log" --strace61 --align "${ALIGN:-40}" \
		$NORMALISE_OPTS >"$WORKDIR/want" 2>&1
	normalise "$WORKDIR/epolltrace.log" $NORMALISE_OPTS >"$WORKDIR/got" 2>&1
	# An empty reference would make any empty output pass.
	if [ -s "$WORKDIR/want" ] &&
	   diff -u "$WORKDIR/want" "$WORKDIR/got" >"$WORKDIR/diff" &&
	   [ "$STRACE_RC" = "$EPOLLTRACE_RC" ]; then
		ok "$name"
	else
		not_ok "$name"
		echo "exit status: strace $STRACE_RC, epolltrace $EPOLLTRACE_RC" | diag
		echo "diff -u strace epolltrace:" | diag
		diag <"$WORKDIR/diff"
	fi
}

# compare_text NAME WANT_FILE GOT_FILE: ok when equal, else the diff.
compare_text() {
	if diff -u "$2" "$3" >"$WORKDIR/diff"; then
		ok "$1"
	else
		not_ok "$1"
		diag <"$WORKDIR/diff"
	fi
}

# skip_n N REASON: N skipped TAP lines.
skip_n() {
	i=0
	while [ $i -lt "$1" ]; do
		skip "$2"
		i=$((i + 1))
	done
}

# check_program LABEL WANT_STATUS COMMAND...
#
# Three TAP lines: COMMAND exits with WANT_STATUS untraced and under
# epolltrace (the programs check themselves, so this also says that every
# call behaved as untraced), and epolltrace's output is strace's.  Options
# of both tracers: $QUIET, -qq unless set.
check_program() {
	label=$1
	want=$2
	shift 2
	run_untraced "$@"
	check_status "$label: exit status untraced" "$want" "$RC"
	run_epolltrace "$WORKDIR/self.log" ${QUIET:--qq} -- "$@"
	check_status "$label: exit status under epolltrace" "$want" "$RC"
	if [ "$RC" != "$want" ]; then
		echo "epolltrace's output:" | diag
		diag <"$WORKDIR/self.log"
	fi
	compare_with_strace "$label: output is strace's" ${QUIET:--qq} -- "$@"
}

# check_program_in_each_abi NAME WANT_STATUS: check_program for the x86_64
# and the i386 build of tests/progs/NAME, three TAP lines each.
check_program_in_each_abi() {
	each_name=$1
	each_want=$2
	for each_abi in $ABIS; do
		if each_prog=$(prog_path "$each_name" $each_abi); then
			check_program "$each_abi $each_name" "$each_want" "$each_prog"
		else
			skip_n 3 "$(missing_reason $each_abi)"
		fi
	done
}
