# TAP for the checks of the tree, sourced once WORK names a scratch folder.
n=0
check() { # LABEL COMMAND...: one TAP line, ok when COMMAND succeeds; its output as comments when not
	n=$((n + 1))
	label=$1
	shift
	if "$@" >"$WORK/why" 2>&1; then
		echo "ok $n - $label"
	else
		echo "not ok $n - $label"
		sed 's/^/# /' "$WORK/why"
	fi
}
