#!/bin/sh
# --color: escapes only where asked (always, or auto on a terminal without
# NO_COLOR), and colouring never moves a column.
. "$TESTS_SRCDIR/e2e/lib.sh"

plan 7
if ! prog=$(prog_path epoll_calls x86_64); then
	skip_n 7 "test program not built"
	exit 0
fi
esc=$(printf '\033')

run_epolltrace "$WORKDIR/always" -qq --color=always -- "$prog"
check "always: failed calls' results are red" \
	grep -q "${esc}\[31m= -1 EINVAL (Invalid argument)${esc}\[0m$" "$WORKDIR/always"
run_epolltrace "$WORKDIR/exit" -q --color=always -- "$prog"
check "always: the exit line is bold" \
	grep -q "${esc}\[1m+++ exited with 0 +++${esc}\[0m" "$WORKDIR/exit"
run_epolltrace "$WORKDIR/never" -qq --color=never -- "$prog"
check "never: no escape at all" sh -c '! grep -q "$1" "$2"' sh "$esc" "$WORKDIR/never"
sed "s/${esc}\[[0-9;]*m//g" "$WORKDIR/always" >"$WORKDIR/stripped"
normalise "$WORKDIR/stripped" >"$WORKDIR/stripped.n"
normalise "$WORKDIR/never" >"$WORKDIR/never.n"
compare_text "always: without its escapes, the same text as never (addresses aside)" \
	"$WORKDIR/never.n" "$WORKDIR/stripped.n"
run_epolltrace "$WORKDIR/auto" -qq -- "$prog"
check "auto, into a file: no escape" sh -c '! grep -q "$1" "$2"' sh "$esc" "$WORKDIR/auto"

# auto on a terminal: script(1) gives the run one.
if ! command -v script >/dev/null 2>&1; then
	skip_n 2 "no script(1) to run epolltrace on a terminal"
	exit 0
fi
on_tty() {
	timeout $HANG_GUARD script -qec "$*" /dev/null </dev/null >"$WORKDIR/tty" 2>&1
}
on_tty "env -u NO_COLOR '$EPOLLTRACE' -qq '$prog'"
check "auto, on a terminal: coloured" grep -q "${esc}\[31m" "$WORKDIR/tty"
on_tty "env NO_COLOR=1 '$EPOLLTRACE' -qq '$prog'"
check "auto, on a terminal with NO_COLOR: no escape" \
	sh -c '! grep -q "$1\[" "$2"' sh "$esc" "$WORKDIR/tty"
