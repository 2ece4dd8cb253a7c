# Shared by the tests of --top on a real terminal: tmux runs epolltrace,
# send-keys types and capture-pane reads the screen.  Sourced after
# lib.sh; brings top-lib.sh.
. "$TESTS_SRCDIR/e2e/top-lib.sh"

# tmux_plan N: the TAP plan of N tests; false, after N skips, when tmux
# is missing.
tmux_plan() {
	plan "$1"
	command -v tmux >/dev/null 2>&1 && return 0
	skip_n "$1" "tmux is not installed (.ci/install-deps installs it)"
	return 1
}

SOCK=epolltrace-top-$$
SCREEN=$WORKDIR/screen
tmux_() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'tmux_ kill-server 2>/dev/null; end_tracked; rm -rf "$WORKDIR"' EXIT

# gone: the last view's session has ended (its status file is written
# just before, so a new one of the same name could still be refused).
gone() { ! tmux_ has-session -t top 2>/dev/null; }

# view ARGS...: epolltrace --top ARGS in a new 100x30 terminal, in
# $WORKDIR, with env's VIEW_ENV if set (tmux's server, not this shell,
# gives the terminal its environment); its exit status goes to
# $WORKDIR/status when it ends.  The server stays up between views
# (exit-empty off), so that a view is never started on a server on its
# way out with the last one.
view() {
	tmux_ start-server \; set-option -g exit-empty off
	wait_until gone || echo "the last view's terminal is still open" | diag
	rm -f "$WORKDIR/status"
	cat >"$WORKDIR/run" <<RUN
${VIEW_ENV:+env $VIEW_ENV }"$EPOLLTRACE" --top --spin-waits=100 $* 2>"$WORKDIR/top.err"
echo \$? >"$WORKDIR/status"
RUN
	tmux_ new-session -d -s top -x 100 -y 30 -c "$WORKDIR" "sh '$WORKDIR/run'"
}

screen_() { tmux_ capture-pane -p -t top >"$SCREEN" 2>/dev/null; }
# shows ERE: the screen shows a line matching ERE.
shows() { screen_ && grep -Eq -- "$1" "$SCREEN"; }
keys() { tmux_ send-keys -t top "$@"; }
ended_with() { [ -f "$WORKDIR/status" ] && [ "$(cat "$WORKDIR/status")" = "$1" ]; }
explain() { echo "the screen:" | diag; diag <"$SCREEN"; diag <"$WORKDIR/top.err" 2>/dev/null; }
# check_screen NAME ERE: ok once the screen shows ERE.
check_screen() {
	if wait_until shows "$2"; then ok "$1"; else not_ok "$1"; explain; fi
}

# view_refused N: epolltrace could not draw (built without ncurses):
# true, after N skips.
view_refused() {
	wait_until shows 'built without ncurses|^epolltrace: '
	[ -f "$WORKDIR/status" ] && grep -q 'built without ncurses' "$WORKDIR/top.err" || return 1
	skip_n "$1" "epolltrace was built without ncurses"
}
