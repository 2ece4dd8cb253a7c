#!/bin/sh
# arch/syscalls.csv is the one source of syscall knowledge: change a
# syscall's number, or add a row, in a copy of the table, run the generator
# (arch/syscalls.awk) on it, and every list made from it follows: the ABI's
# rows and so the seccomp filter's numbers, the syscalls' numbers of
# arguments and so the eBPF backend's entry programs, the descriptor list,
# --help, the man page's lists and the tests' lists; and the kernel's
# headers reject a wrong number at compile time.  A named row (a call the
# model names, never trapped) follows into each ABI's named rows only, and
# the filter cannot stop it.  A clone or memory row goes into the engine's
# rules (trace/keep_traced.c, trace/uffd_watch.c).
: "${TESTS_SRCDIR:?}" "${TESTS_BUILDDIR:?}"
TOP=$TESTS_SRCDIR/..
BUILD=$TESTS_BUILDDIR/..
AWK=${AWK:-awk}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-table.XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
. "$TESTS_SRCDIR/tree/tap-lib.sh"
# lists DIR TABLE: every output of the generator for TABLE, into DIR.
lists() {
	mkdir -p "$1/arch" "$1/decode" "$1/cli" "$1/tests" "$1/man" &&
	gen() { "$AWK" -f "$TOP/arch/syscalls.awk" -v out="$1" "$2" ${3:+"$3"}; } &&
	gen arch "$2" >"$1/arch/syscall_numbers.h" &&
	gen decode "$2" >"$1/decode/syscall_list.h" &&
	gen help "$2" >"$1/cli/syscall_help.h" &&
	gen tests "$2" >"$1/tests/syscalls.env" &&
	gen man "$2" "$TOP/man/epolltrace.1.in" >"$1/man/epolltrace.1"
}
# differs_by DIR FILE: FILE in DIR differs from the build's by the lines
# given on stdin, and by no other.
differs_by() {
	diff "$BUILD/$2" "$1/$2" | sed -n 's/^> //p' | sort >"$WORK/got"
	sort >"$WORK/want"
	cmp -s "$WORK/got" "$WORK/want" || { echo "$2 gained:"; cat "$WORK/got"; echo "expected:"; cat "$WORK/want"; return 1; }
}
grep_in() { grep -qx -- "$2" "$1" || { echo "no line '$2' in $1:"; cat "$1"; return 1; }; }

echo 1..28
lists "$WORK/same" "$TOP/arch/syscalls.csv"
check "the build's lists are the generator's, from the table" \
	sh -c 'for f in arch/syscall_numbers.h decode/syscall_list.h cli/syscall_help.h tests/syscalls.env man/epolltrace.1; do cmp "$1/$f" "$2/$f" || exit 1; done' - "$BUILD" "$WORK/same"

# One number changed: x86-64's epoll_wait becomes 999.
sed 's/^epoll_wait,epoll_wait,wait,4,232,/epoll_wait,epoll_wait,wait,4,999,/' \
	"$TOP/arch/syscalls.csv" >"$WORK/renumbered.csv"
check "the copy of the table renumbers epoll_wait" \
	sh -c '! cmp -s "$1" "$2"' - "$TOP/arch/syscalls.csv" "$WORK/renumbered.csv"
lists "$WORK/num" "$WORK/renumbered.csv"
check "renumbered: x86-64's rows follow" \
	differs_by "$WORK/num" arch/syscall_numbers.h <<'END'
	X(epoll_wait, 999) \
END
check "renumbered: the tests' x86-64 wait numbers follow" \
	differs_by "$WORK/num" tests/syscalls.env <<'END'
EPOLL_WAIT_NRS_X86_64=999,281,441
END
# filter_numbers DIR [INCLUDE]: tests/tree/filter-numbers built with DIR's
# lists (and INCLUDE's headers first), run: where the filter stops epoll_wait.
filter_numbers() {
	# shellcheck disable=SC2086 # SANITIZE_CFLAGS is a list of options
	"$CC" -std=gnu11 $SANITIZE_CFLAGS -include "$BUILD/config.h" ${2:+-I"$2"} -I"$1" \
		-I"$BUILD" -I"$TOP" -o "$1/filter-numbers" "$TOP/tests/tree/filter-numbers.c" \
		"$TOP/tests/unit/bpf_run.c" "$TOP/arch/abi.c" "$TOP/arch/x86_64.c" \
		"$TOP/arch/i386.c" "$TOP/arch/generic64.c" \
		"$BUILD/trace/libtrace.a" "$BUILD/procfs/libprocfs.a" "$BUILD/util/libutil.a" && "$1/filter-numbers" epoll_wait
}
if [ -n "$CC" ]; then
	"$CC" -fsyntax-only -I"$WORK/num" -I"$TOP" "$TOP/arch/x86_64.c" >"$WORK/cc.out" 2>&1
	check "renumbered: the kernel's header rejects it at compile time" \
		sh -c '! grep -q . "$1" && exit 1; grep -q "epoll_wait is not 999" "$1"' - "$WORK/cc.out"
	filter_numbers "$WORK/same" >"$WORK/same.out" 2>&1
	check "the filter stops epoll_wait at the table's numbers" \
		grep_in "$WORK/same.out" "epoll_wait x86_64 232 i386 256"
	# A kernel header changed as the table was, so that the check passes.
	mkdir -p "$WORK/kernel/asm"
	echo '#include <asm/unistd_64.h>' | "$CC" -M -x c - | tr ' \\' '\n\n' |
		grep '/asm/unistd_64\.h$' | xargs sed 's/^#define __NR_epoll_wait 232$/#define __NR_epoll_wait 999/' \
		>"$WORK/kernel/asm/unistd_64.h"
	filter_numbers "$WORK/num" "$WORK/kernel" >"$WORK/num.out" 2>&1
	check "renumbered: the filter follows, x86-64's epoll_wait stopped at 999" \
		grep_in "$WORK/num.out" "epoll_wait x86_64 999 i386 256"
else
	for skipped in 1 2 3; do
		echo "ok $((n += 1)) # SKIP no compiler given (CC)"
	done
fi

# A named row renumbered: x86-64's futex becomes 999.
sed 's/^futex,-,named,-,202,/futex,-,named,-,999,/' "$TOP/arch/syscalls.csv" >"$WORK/named-num.csv"
lists "$WORK/named-num" "$WORK/named-num.csv"
# only_named DIR: the lists of what is decoded or trapped are the build's,
# and the ABIs' rows differ by the lines on stdin.
only_named() {
	for f in decode/syscall_list.h cli/syscall_help.h tests/syscalls.env man/epolltrace.1; do
		cmp "$BUILD/$f" "$1/$f" || return 1
	done
	differs_by "$1" arch/syscall_numbers.h
}
check "named renumbered: x86-64's named rows follow, and no other list" \
	only_named "$WORK/named-num" <<'END'
	X(futex, 999) \
END
if [ -n "$CC" ]; then
	"$CC" -fsyntax-only -I"$WORK/named-num" -I"$TOP" "$TOP/arch/x86_64.c" >"$WORK/cc.out" 2>&1
	check "named renumbered: the kernel's header rejects it at compile time" \
		grep -q "futex is not 999" "$WORK/cc.out"
	# shellcheck disable=SC2046 # one argument a name
	"$WORK/same/filter-numbers" $(sed -n 's/^\([a-z_0-9]*\),-,named,.*/\1/p' "$TOP/arch/syscalls.csv") \
		>"$WORK/named.out" 2>&1
	check "the filter stops no named row: the ABIs' trapped rows have none" \
		sh -c '! grep -v ": no filter (-22)$" "$1" && grep -qx "futex: no filter (-22)" "$1"' \
		- "$WORK/named.out"
else
	for skipped in 1 2; do
		echo "ok $((n += 1)) # SKIP no compiler given (CC)"
	done
fi

# Two syscalls added: a wait, epoll_test, decoded by epoll_test_desc, and
# fd_test, which can end an fd.
{ cat "$TOP/arch/syscalls.csv"; echo 'epoll_test,epoll_test,wait,5,900,901,902,'
  echo 'fd_test,-,fd-end,1,903,904,905,'; } >"$WORK/added.csv"
lists "$WORK/add" "$WORK/added.csv"
check "added: each ABI has its row" \
	sh -c 'test "$(grep -c "X(epoll_test, 90[012])" "$1")" = 3' - "$WORK/add/arch/syscall_numbers.h"
check "added: the descriptor list has it, and counts it" \
	sh -c 'grep -q "X(epoll_test, epoll_test)" "$1" && grep -q "NSYSCALL_DECODERS $(($(sed -n "s/#define NSYSCALL_DECODERS //p" "$2") + 1))" "$1"' \
	- "$WORK/add/decode/syscall_list.h" "$BUILD/decode/syscall_list.h"
check "added: its number of arguments is listed" \
	grep -q 'X(epoll_test, 5)' "$WORK/add/arch/syscall_numbers.h"
check "added: --help lists it" grep -q 'epoll_test' "$WORK/add/cli/syscall_help.h"
check "added: each of the man page's lists has it" \
	sh -c 'test "$(grep -c "^\.BR epoll_test ,$" "$1")" = "$(grep -c "^@EPOLL_SYSCALLS@$" "$2")"' \
	- "$WORK/add/man/epolltrace.1" "$TOP/man/epolltrace.1.in"
check "added: the tests' lists have it, as a wait" \
	sh -c '. "$1" && case ",$EPOLL_SYSCALLS,$EPOLL_DECODED,$EPOLL_WAITS," in *,epoll_test,*,epoll_test,*,epoll_test,*) ;; *) exit 1;; esac' \
	- "$WORK/add/tests/syscalls.env"
check "added: x86-64's wait numbers have it" \
	grep_in "$WORK/add/tests/syscalls.env" 'EPOLL_WAIT_NRS_X86_64=232,281,441,900'
check "added: --help says --diagnose stops at the fd-end call too" \
	grep -q ' and fd_test\\n"$' "$WORK/add/cli/syscall_help.h"
check "added: so does the man page" \
	sh -c 'grep -qx "\.B io_uring_enter" "$1" && grep -qx "\.BR fd_test ," "$1"' - "$WORK/add/man/epolltrace.1"
# model_cc DIR: app/model_feed.c compiled with DIR's lists.
model_cc() {
	"$CC" -fsyntax-only -include "$BUILD/config.h" -I"$1" -I"$BUILD" -I"$TOP" "$TOP/app/model_feed.c" 2>&1
}
# One fd-end row renamed: as many rows, but one the feed does not know.
sed 's/^dup3,/dup4,/' "$TOP/arch/syscalls.csv" >"$WORK/renamed.csv"
lists "$WORK/renamed" "$WORK/renamed.csv"
if [ -n "$CC" ]; then
	check "added: the model's feed does not build until it says what fd_test ends" \
		sh -c 'test -z "$1" && echo "$2" | grep -q "FD_END_fd_test"' - \
		"$(model_cc "$WORK/same")" "$(model_cc "$WORK/add")"
	check "renamed: nor while the table has a row (dup4) it does not know" \
		sh -c 'echo "$1" | grep -q "FD_END_dup4"' - "$(model_cc "$WORK/renamed")"
else
	echo "ok $((n += 1)) # SKIP no compiler given (CC)"
	echo "ok $((n += 1)) # SKIP no compiler given (CC)"
fi
# A named row added, before the others: blocked_test.
awk '/,named,/ && !done { print "blocked_test,-,named,-,906,907,908,"; done = 1 } 1' \
	"$TOP/arch/syscalls.csv" >"$WORK/named-add.csv"
lists "$WORK/named-add" "$WORK/named-add.csv"
check "named added: each ABI's named rows have it, and the model's list, and no other list" \
	only_named "$WORK/named-add" <<'END'
	X(blocked_test, 906) \
	X(blocked_test, 907) \
	X(blocked_test, 908) \
	X(blocked_test) \
END
# blocking_cc DIR: model/blocking_calls.c compiled with DIR's lists.
blocking_cc() {
	"$CC" -fsyntax-only -include "$BUILD/config.h" -I"$1" -I"$BUILD" -I"$TOP" \
		"$TOP/model/blocking_calls.c" 2>&1
}
if [ -n "$CC" ]; then
	check "named added: the model does not build until it says what blocked_test does" \
		sh -c 'test -z "$1" && echo "$2" | grep -q "BLOCKING_blocked_test"' - \
		"$(blocking_cc "$WORK/same")" "$(blocking_cc "$WORK/named-add")"
else
	echo "ok $((n += 1)) # SKIP no compiler given (CC)"
fi
# A clone row and a memory row added: the engine's rules take them.
{ cat "$TOP/arch/syscalls.csv"; echo 'clone_test,-,clone,2,909,910,911,'
  echo 'memory_test,-,memory,1,912,913,914,'; } >"$WORK/engine.csv"
lists "$WORK/engine" "$WORK/engine.csv"
# trace_cc DIR FILE OPTION: trace/FILE compiled (-fsyntax-only) or
# preprocessed (-E) with DIR's lists.
trace_cc() {
	"$CC" "$3" -include "$BUILD/config.h" -I"$1" -I"$BUILD" -I"$TOP" "$TOP/trace/$2" 2>&1
}
if [ -n "$CC" ]; then
	check "clone row added: trace/keep_traced.c does not build until it says what the filter tests" \
		sh -c 'test -z "$1" && echo "$2" | grep -q "KEEP_TRACED_clone_test"' - \
		"$(trace_cc "$WORK/same" keep_traced.c -fsyntax-only)" \
		"$(trace_cc "$WORK/engine" keep_traced.c -fsyntax-only)"
	check "memory row added: trace/uffd_watch.c's rules stop every call of it" \
		sh -c 'echo "$1" | grep -qF "{ .name = \"memory_test\" }"' - \
		"$(trace_cc "$WORK/engine" uffd_watch.c -E)"
else
	echo "ok $((n += 1)) # SKIP no compiler given (CC)"
	echo "ok $((n += 1)) # SKIP no compiler given (CC)"
fi
check "a named row with a decoder or arguments is refused" \
	sh -c '! echo "read,read,named,-,0,3,63," | "$1" -f "$2" -v out=arch >/dev/null 2>&1 &&
		! echo "read,-,named,3,0,3,63," | "$1" -f "$2" -v out=arch >/dev/null 2>&1' \
	- "$AWK" "$TOP/arch/syscalls.awk"
check "a row without its numbers is refused" \
	sh -c '! { echo "epoll_bad,-,wait,4,1"; } | "$1" -f "$2" -v out=arch >/dev/null 2>&1' - "$AWK" "$TOP/arch/syscalls.awk"
check "a row with more arguments than a syscall can have is refused" \
	sh -c '! { echo "epoll_bad,-,wait,7,1,2,3,"; } | "$1" -f "$2" -v out=arch >/dev/null 2>&1' - "$AWK" "$TOP/arch/syscalls.awk"
