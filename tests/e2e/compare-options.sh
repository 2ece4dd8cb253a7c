#!/bin/sh
# The output options mean what they mean to strace: -s N caps arrays at N
# elements, -v removes the cap, -a N moves the alignment column and
# -e trace=LIST selects syscalls.  Each is compared with strace on
# tests/progs/epoll_calls.c, whose 40 ready events exceed the default cap.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 20
for abi in $ABIS; do
	if ! prog=$(prog_path epoll_calls $abi); then
		skip_n 10 "$(missing_reason $abi)"
		continue
	fi
	compare_with_strace "$abi -s 5" -qq -s 5 -- "$prog"
	compare_with_strace "$abi -s 0" -qq -s 0 -- "$prog"
	compare_with_strace "$abi -v" -qq -v -- "$prog"
	compare_with_strace "$abi -v -s 5" -qq -v -s 5 -- "$prog"
	ALIGN=60
	compare_with_strace "$abi -a 60" -qq -a 60 -- "$prog"
	ALIGN=40
	compare_with_strace "$abi -e trace=epoll_ctl" -qq -e trace=epoll_ctl -- "$prog"
	compare_with_strace "$abi -e trace=epoll_wait,epoll_pwait2" \
		-qq -e trace=epoll_wait,epoll_pwait2 -- "$prog"
	compare_with_strace "$abi -z" -qq -z -- "$prog"
	compare_with_strace "$abi -Z" -qq -Z -- "$prog"
	compare_with_strace "$abi -y" -qq -y -- "$prog"
done
