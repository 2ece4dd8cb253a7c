#!/bin/sh
# --top's diagnostics pane, in a real terminal (tmux): the arrows select a
# warning, found by its text (the pane lists them newest first, in an order
# that depends on timing), and Enter shows it whole, as the trace (-o)
# has it, with -k the stack of the call that showed it.  The loop watched
# is tests/progs/top_loop, whose second thread spins on zero timeouts.
. "$TESTS_SRCDIR/e2e/lib.sh"
. "$TESTS_SRCDIR/e2e/top-tmux-lib.sh"

TESTS=5
tmux_plan $TESTS || exit 0

STACKS=-k
if "$EPOLLTRACE" -k true 2>&1 | grep -q 'built without libunwind-ptrace'; then
	STACKS=
fi

start_loop
view $STACKS -o "$WORKDIR/trace.log" -p "$LOOP_PID"
if view_refused $TESTS; then exit 0; fi

spin_warning="\[spin-loop\] pid $LOOP_PID epfd $SPIN_EPFD: "
check_screen "the spin-loop warning in the pane" "^ +[0-9.]+s $spin_warning"

ESC=$(printf '\033')
# selected: the diagnostic the pane shows in reverse video, as text.
selected() {
	tmux_ capture-pane -p -e -t top 2>/dev/null | grep "$ESC\[7m" |
		sed "s/$ESC\[[0-9;]*m//g" | grep -E '^ +[0-9.]+s \[' | head -n 1
}
has_selection() { sel=$(selected); [ -n "$sel" ]; }
moved_from() { has_selection && [ "$sel" != "$1" ]; }
# select_diag ERE: Down, one step at a time, until the selected one matches.
select_diag() {
	wait_until has_selection || return 1
	until echo "$sel" | grep -Eq -- "$1"; do
		sd_from=$sel
		keys Down
		wait_until moved_from "$sd_from" || return 1
	done
}
keys Tab
if select_diag "$spin_warning"; then ok "Tab and Down select the spin-loop warning, found by its text"
else not_ok "Tab and Down select the spin-loop warning, found by its text"; explain; fi

# The view's paragraphs, each line's wrapped lines joined again: the
# summary, the evidence, the advice, then the stack, a frame ("> ...")
# a line, as a long path (distcheck's) wraps a frame too.
keys Enter
paragraphs() {
	awk 'NR > 2 { sub(/^ /, "") }
	     NR > 2 && stack { s = $0; sub(/^ */, "", s)
			       if (s ~ /^>/) { if (f != "") print f; f = s } else if (s != "") f = f " " s
			       next }
	     NR > 2 && $0 == "" { if (p != "") print p; p = ""; next }
	     NR > 2 && /^The stack of the call/ { if (p != "") print p; print; p = ""; stack = 1; next }
	     NR > 2 { p = p == "" ? $0 : p " " $0 }
	     END { if (p != "") print p; if (f != "") print f }' "$SCREEN" >"$WORKDIR/paragraphs"
}
# whole: the diagnostic's text on screen is the trace's warning line.
whole() {
	shows "^ $spin_warning" && paragraphs &&
	sed -n 2p "$WORKDIR/paragraphs" | grep -q '\.$' &&
	line="epolltrace: warning[spin-loop]: pid $LOOP_PID epfd $SPIN_EPFD: $(sed -n 2p "$WORKDIR/paragraphs") $(sed -n 3p "$WORKDIR/paragraphs")" &&
	grep -qxF -- "$line" "$WORKDIR/trace.log" &&
	[ "$(sed -n 1p "$WORKDIR/paragraphs")." = "[spin-loop] pid $LOOP_PID epfd $SPIN_EPFD: $(sed -n 2p "$WORKDIR/paragraphs")" ]
}
if wait_until whole; then ok "Enter shows it whole: its evidence and advice, as the trace has them"
else not_ok "Enter shows it whole: its evidence and advice, as the trace has them"; explain; diag <"$WORKDIR/paragraphs"; grep 'warning\[spin-loop\]' "$WORKDIR/trace.log" | diag; fi

# -k: the frames of the spinning thread's wait, in strace's form, its function among them.
frames_shown() {
	shows '^ The stack of the call that showed it:$' && paragraphs &&
	sed -n '/^The stack of the call/,$p' "$WORKDIR/paragraphs" | sed -e 1d -e 's/^ *//' | grep . >"$WORKDIR/frames" &&
	! grep -Evq '^> /[^(]*\(([^()+]+\+0x[0-9a-f]+)?\) \[0x[0-9a-f]+\]$' "$WORKDIR/frames" &&
	grep -q '/top_loop(spin+0x[0-9a-f]*) ' "$WORKDIR/frames"
}
if [ -z "$STACKS" ]; then
	skip "-k: epolltrace was built without libunwind-ptrace"
elif wait_until frames_shown; then ok "-k: ... and the stack of the wait that showed it, through the spinning thread's function"
else not_ok "-k: ... and the stack of the wait that showed it, through the spinning thread's function"; explain; fi

keys Escape
keys q
if wait_until ended_with 0; then ok "Escape goes back, q detaches"; else not_ok "Escape goes back, q detaches"; explain; fi
stop_loop
