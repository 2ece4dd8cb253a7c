#!/bin/sh
# File names that try to forge trace text (tests/progs/hostile_names.c):
# under -y epolltrace escapes them as strace does, so no name can end its
# brackets, make a failed call read as a success, or send a control byte
# to the terminal.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 10
for abi in $ABIS; do
	abi_prog hostile_names $abi 5 || continue
	mkdir "$WORKDIR/$abi" || exit 99
	QUIET="-qq -y" check_program "$abi hostile_names -y" 0 "$prog" "$WORKDIR/$abi"
	# Written by hand, in case strace's own escaping changed.
	if grep -Fq 'x\76, {events=EPOLLIN, data=0x1}) = 0 \74\23331m>, {events=EPOLLIN, data=0x1}) = -1 EPERM' \
		"$WORKDIR/self.log"; then
		ok "$abi hostile_names: the forged name is escaped"
	else
		not_ok "$abi hostile_names: the forged name is escaped"
		diag <"$WORKDIR/self.log"
	fi
	# Nothing but printable ASCII and the line ends.
	if LC_ALL=C grep -q '[^ -~]' "$WORKDIR/self.log"; then
		not_ok "$abi hostile_names: no control or 8-bit byte in the trace"
		od -c "$WORKDIR/self.log" | diag
	else
		ok "$abi hostile_names: no control or 8-bit byte in the trace"
	fi
done
