#!/bin/sh
# -X raw|abbrev|verbose (--const-print-style): ops, event masks, flags,
# signal sets and siginfo as numbers, names, or both, against strace; the
# epoll ioctls, which strace 6.1 does not know, against lines written here.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 12

for abi in $ABIS; do
	if ! prog=$(prog_path epoll_calls $abi); then
		skip_n 3 "$(missing_reason $abi)"
		continue
	fi
	compare_with_strace "$abi -X raw: the numbers alone, no comments" -qq -X raw -- "$prog"
	compare_with_strace "$abi -X verbose: numbers, then names as comments" -qq -X verbose -- "$prog"
	compare_with_strace "$abi --const-print-style=abbrev: the names" \
		-qq --const-print-style=abbrev -- "$prog"
done

if prog=$(prog_path signal_eintr x86_64); then
	compare_with_strace "-X raw: signal lines' siginfo as numbers" -qq -X raw -- "$prog"
	compare_with_strace "-X verbose: signal lines' siginfo as both" -qq -X verbose -- "$prog"
else
	skip_n 2 "test program not built"
fi

if prog=$(prog_path epoll_params x86_64); then
	run_epolltrace "$WORKDIR/raw" -qq -X raw -e trace=ioctl -- "$prog"
	check "-X raw: an epoll ioctl's command as its number" grep -qx \
		'[0-9]* *ioctl(3, 0x40088a01, {busy_poll_usecs=100, busy_poll_budget=8, prefer_busy_poll=0x1}) = 0' \
		"$WORKDIR/raw"
	run_epolltrace "$WORKDIR/verbose" -qq -X verbose -e trace=ioctl -- "$prog"
	check "-X verbose: ... and its name" grep -qx \
		'[0-9]* *ioctl(3, 0x80088a02 /\* EPIOCGPARAMS \*/, {busy_poll_usecs=100 /\* 0.000100 s \*/, busy_poll_budget=8, prefer_busy_poll=0x1}) = 0' \
		"$WORKDIR/verbose"
else
	skip_n 2 "test program not built"
fi

"$EPOLLTRACE" -X bogus true 2>"$WORKDIR/err"
check_status "an unknown -X style is a usage error" 64 $?
check "... and the message names the styles" grep -q "give raw, abbrev or verbose" "$WORKDIR/err"
