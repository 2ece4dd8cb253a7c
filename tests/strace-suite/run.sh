#!/bin/sh
# Runs strace's own epoll tests through strace's own harness, with epolltrace
# in strace's place, on each ABI the strace tree was built for, and prints
# one line per test and ABI, then the count that passed.
#
# Nothing is fetched here and nothing of strace lives in this repository:
# STRACE_SRC names a strace 7.x source tree, exported, bootstrapped and
# configured outside it (see README in this folder).  The script builds the
# test programs it needs in that tree and leaves their logs there.
#
#   STRACE_SRC=/path/to/strace [EPOLLTRACE=/path/to/epolltrace] run.sh [TEST...]
#
# Exit status: 0 when every test passed, 1 when one did not, 2 when the
# tree or epolltrace cannot be used.
set -u

die() { echo "strace-suite: $*" >&2; exit 2; }

[ -n "${STRACE_SRC-}" ] || die "STRACE_SRC is not set: point it at a configured strace 7.x tree"
[ -f "$STRACE_SRC/tests/gen_tests.in" ] && [ -f "$STRACE_SRC/tests/Makefile" ] ||
	die "$STRACE_SRC: not a configured strace source tree (no tests/gen_tests.in or tests/Makefile)"

EPOLLTRACE=${EPOLLTRACE:-epolltrace}
case $EPOLLTRACE in
	/*) ;;
	*/*) EPOLLTRACE=$(cd "$(dirname "$EPOLLTRACE")" && pwd)/$(basename "$EPOLLTRACE") ;;
	*) EPOLLTRACE=$(command -v "$EPOLLTRACE") || die "epolltrace not found: set EPOLLTRACE" ;;
esac
[ -x "$EPOLLTRACE" ] || die "$EPOLLTRACE: not executable"

# The epoll tests are the generated ones whose name starts with epoll_ or
# ioctl_epoll; strace's own list says which exist in this version.
if [ $# -gt 0 ]; then
	tests="$*"
else
	tests=$(awk '/^(epoll_|ioctl_epoll)/ { printf "%s ", $1 }' "$STRACE_SRC/tests/gen_tests.in")
fi
[ -n "$tests" ] || die "no epoll tests listed in $STRACE_SRC/tests/gen_tests.in"

pass=0 total=0 status=0
for dir in tests tests-m32; do
	case $dir in tests) abi=64 ;; *) abi=m32 ;; esac
	if [ ! -f "$STRACE_SRC/$dir/Makefile" ]; then
		echo "strace-suite: $dir: not configured (configure with --enable-mpers=check), skipping $abi" >&2
		continue
	fi
	# A test's program is its name; the -P/-y variants have their own.
	progs=$tests
	trs=
	for t in $tests; do trs="$trs $t.gen.test"; done
	make -s -C "$STRACE_SRC/$dir" $progs >/dev/null 2>&1 ||
		make -C "$STRACE_SRC/$dir" $progs >&2 ||
		die "$dir: cannot build the test programs"
	# check_PROGRAMS: only the programs these tests run, not all of strace's.
	make -s -k -C "$STRACE_SRC/$dir" check TESTS="$trs" check_PROGRAMS="$progs" \
		STRACE="$EPOLLTRACE" \
		>/dev/null 2>&1
	for t in $tests; do
		total=$((total + 1))
		result=$(sed -n 's/^:test-result: //p' "$STRACE_SRC/$dir/$t.gen.trs" 2>/dev/null)
		[ -n "$result" ] || result=ERROR
		case $result in
			PASS) pass=$((pass + 1)) ;;
			*) status=1 ;;
		esac
		printf '%-4s %-32s %s\n' "$abi" "$t" "$result"
	done
done
echo "$pass/$total passed"
exit $status
