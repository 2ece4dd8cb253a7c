#!/bin/sh
# The end-to-end test programs run traced, where LeakSanitizer fails at
# exit ("does not work under ptrace") and changes their exit status, so
# they are built without sanitizers even in a --enable-sanitizers build:
# each needs its own _CFLAGS and _LDFLAGS in tests/e2e/Makefile.inc, and
# one left out links the runtime through AM_LDFLAGS.  This finds it.
: "${TESTS_BUILDDIR:?}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-progs.XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
echo 1..1
. "$TESTS_SRCDIR/tree/tap-lib.sh"

# Fails, naming each, when a test program links a sanitizer's runtime.
none_sanitized() {
	found=0 bad=0
	for prog in "$TESTS_BUILDDIR"/progs/*; do
		case $prog in *.o | *.m32 | *.a) continue ;; esac
		[ -f "$prog" ] && [ -x "$prog" ] || continue
		found=$((found + 1))
		if readelf -Ws --dyn-syms "$prog" 2>/dev/null | grep -q '__asan_init\|__lsan_\|__ubsan_'; then
			echo "$prog links a sanitizer runtime: give it _LDFLAGS = \$(E2E_PTHREAD)"
			bad=1
		fi
	done
	[ "$found" -gt 0 ] || { echo "no test program found in $TESTS_BUILDDIR/progs"; return 1; }
	[ "$bad" = 0 ]
}

check "no test program links a sanitizer's runtime" none_sanitized
