#!/bin/sh
# --top's colours, in a real terminal (tmux): on by default, off under
# NO_COLOR and --color=never (then the header is in reverse video, and no
# colour is drawn anywhere), and --color=always wins over NO_COLOR.  The
# view watches tests/progs/top_loop as a command, ended by q then y.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/top-tmux-lib.sh"

TESTS=4
tmux_plan $TESTS || exit 0

ESC=$(printf '\033')
# coloured: the screen, its attributes kept, has the header on cyan (46) and no reverse video there.
attributes() { tmux_ capture-pane -p -e -t top >"$WORKDIR/attrs" 2>/dev/null && grep -q '^.*epolltrace: pid ' "$WORKDIR/attrs"; }
header() { grep -m 1 'epolltrace: pid ' "$WORKDIR/attrs"; }
coloured() { attributes && header | grep -q "$ESC\[[0-9;]*46m" && ! header | grep -q "$ESC\[[0-9;]*7m"; }
# plain: the header in reverse video, and no colour (30-37, 40-47) on the whole screen.
plain() {
	attributes && header | grep -q "$ESC\[[0-9;]*7m" &&
	! grep -Eq "$ESC\[([0-9;]*;)?[34][0-7](;[0-9;]*)?m" "$WORKDIR/attrs"
}

# colours WANT NAME ARGS...: a view of the loop with ARGS; ok when the screen is WANT (coloured or plain).
colours() {
	c_want=$1 c_name=$2
	shift 2
	view "$@" -- "$PROGS_DIR/top_loop" "$WORKDIR/count"
	if view_refused $TESTS; then exit 0; fi
	if wait_until "$c_want"; then ok "$c_name"; else not_ok "$c_name"; diag <"$WORKDIR/attrs"; fi
	keys q
	wait_until shows 'y ends it' && keys y
	wait_until ended_with 143 || echo "the view of '$*' did not end" | diag
}

VIEW_ENV="-u NO_COLOR" colours coloured "colour by default"
VIEW_ENV="NO_COLOR=1" colours plain "NO_COLOR: no colour, the header in reverse video"
VIEW_ENV="-u NO_COLOR" colours plain "--color=never: likewise" --color=never
VIEW_ENV="NO_COLOR=1" colours coloured "--color=always wins over NO_COLOR" --color=always
