#!/bin/sh
# -P PATH (--trace-path): only the calls on an fd naming PATH, as strace
# chooses them (epoll_ctl by the fd it registers, the others by their first
# fd), through a symbolic link too, against strace.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 11

ln -s /dev/null "$WORKDIR/link"
for abi in $ABIS; do
	if ! prog=$(prog_path trace_path $abi); then
		skip_n 4 "$(missing_reason $abi)"
		continue
	fi
	compare_with_strace "$abi -P /dev/null: the ctl that registers it, the wait on it" \
		-qq -P /dev/null -- "$prog"
	compare_with_strace "$abi --trace-path of the epoll fd: its waits, not its ctls" \
		-qq --trace-path='anon_inode:[eventpoll]' -- "$prog"
	compare_with_strace "$abi two -P: the calls on either" \
		-qq -P /dev/null -P 'anon_inode:[eventpoll]' -- "$prog"
	compare_with_strace "$abi -P of a path no fd names: no call" \
		-q -P "$WORKDIR/none" -- "$prog"
done

# The program's own status tells whether each call did what it should.
prog=$(prog_path trace_path x86_64) || prog=true
"$EPOLLTRACE" -o "$WORKDIR/log" -P "$WORKDIR/link" -- "$prog" 2>"$WORKDIR/err"
check_status "-P through a symbolic link: the command runs" 0 $?
check "... the calls on the file it leads to are shown" \
	grep -q '^epoll_wait(3, 0x[0-9a-f]*, 2, 0) *= -1 EINVAL' "$WORKDIR/log"
check "... and epolltrace says what the path was resolved into" grep -qx \
	"epolltrace: Requested path \"$WORKDIR/link\" resolved into \"/dev/null\"" "$WORKDIR/err"
