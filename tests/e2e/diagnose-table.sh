#!/bin/sh
# The table of diagnostics by kind at the end of an --diagnose trace, in an
# -o log: every line of it starts "epolltrace: ", as every other line of
# epolltrace's own does, so that a parser reading one line at a time knows
# whose it is (tests/progs/diag_ctl_eexist.c, one ctl-eexist warning).
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 3

if ! prog=$(prog_path diag_ctl_eexist x86_64); then
	skip_n 3 "$(missing_reason x86_64)"
	exit 0
fi
"$EPOLLTRACE" --diagnose -o "$WORKDIR/log" -- "$prog" >/dev/null 2>"$WORKDIR/err"
check_status "exit status" 0 $?
# Lines of the trace: calls (no prefix without -f), the exit, epolltrace's own.
if grep -Ev '^(epoll_[a-z0-9_]+\(|\+\+\+ exited |epolltrace: )' "$WORKDIR/log" >"$WORKDIR/bare"; then
	not_ok "every line that is not a call's is epolltrace's"
	diag <"$WORKDIR/bare"
else
	ok "every line that is not a call's is epolltrace's"
fi
if grep -Eq '^epolltrace: diagnostics: ctl-eexist +1 +0 +0$' "$WORKDIR/log"; then
	ok "the table's row for ctl-eexist"
else
	not_ok "the table's row for ctl-eexist"
	show_file "the log" "$WORKDIR/log"
fi
