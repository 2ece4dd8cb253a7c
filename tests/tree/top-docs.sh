#!/bin/sh
# --top's documentation follows the code: every key the view reads
# (top/top_screen.c) is named in the man page's Keys, every column of the
# instances' table (top/top_columns.c) in its rows' list, and the README's
# capture of the view shows the table's first columns, in their order.
: "${TESTS_SRCDIR:?}"
TOP=$TESTS_SRCDIR/..
MAN=$TOP/man/epolltrace.1.in
WORK=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-topdocs.XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
echo 1..3
. "$TESTS_SRCDIR/tree/tap-lib.sh"

# section TITLE: the words the man page's .SS TITLE sets in bold (.B, .BR).
section() {
	sed -n "/^\\.SS \"$1\"/,/^\\.S[SH] /p" "$MAN" | grep '^\.BR\? ' |
		sed -e 's/^\.BR\? //' -e 's/\\-/-/g' -e 's/"//g' | tr ' ,;()' '\n\n\n\n\n' | grep . | sort -u
}

# The keys: each case label of top_screen_key, by the name the man page gives it.
keys_documented() {
	section Keys >"$WORK/man-keys"
	sed -n '/^enum top_key top_screen_key/,/^}/p' "$TOP/top/top_screen.c" |
		grep -o "case [^:]*:" | sed -e 's/^case //' -e 's/:$//' >"$WORK/labels"
	[ -s "$WORK/labels" ] || { echo "no case labels found in top_screen_key"; return 1; }
	status=0
	while read -r key; do
		case $key in
		ERR | KEY_RESIZE) continue ;;	# not keys
		KEY_UP) name=Up ;;
		KEY_DOWN) name=Down ;;
		KEY_LEFT) name=Left ;;
		KEY_RIGHT) name=Right ;;
		"'\\n'" | "'\\r'" | KEY_ENTER) name=Enter ;;
		27) name=Escape ;;
		KEY_BACKSPACE | 127 | 8) name=Backspace ;;
		"'\\t'") name=Tab ;;
		12) name=Ctrl-L ;;
		\'[a-z]\') name=$(echo "$key" | tr -d "'") ;;
		\'[A-Z]\') name=$(echo "$key" | tr -d "'" | tr A-Z a-z) ;;	# as its lower case
		*) printf '%s\n' "top_screen_key reads $key: name it in this test's table and document it"; status=1; continue ;;
		esac
		grep -qxF -- "$name" "$WORK/man-keys" || { printf '%s\n' "key $key ($name) is not in the man page's Keys"; status=1; }
	done <"$WORK/labels"
	return $status
}
check "every key the view reads is in the man page's Keys" keys_documented

# The columns, in their order, most important first.
sed -n 's/^[[:space:]]*COLUMN("\([^"]*\)".*/\1/p' "$TOP/top/top_columns.c" >"$WORK/columns"
columns_documented() {
	[ -s "$WORK/columns" ] || { echo "no COLUMN found in top/top_columns.c"; return 1; }
	section "A row per epoll instance" >"$WORK/man-columns"
	status=0
	while read -r title; do
		grep -qxF -- "$title" "$WORK/man-columns" || { echo "column $title is not in the man page"; status=1; }
	done <"$WORK/columns"
	return $status
}
check "every column of the instances' table is in the man page" columns_documented

# The capture's title line: the first columns of the table, as many as fit.
readme_capture() {
	grep -E '^ +\*?PID +\*?EPFD ' "$TOP/README" | head -n 1 | tr -d '*' | tr -s ' ' '\n' | grep . >"$WORK/readme-columns"
	[ -s "$WORK/readme-columns" ] || { echo "the README shows no capture of the view"; return 1; }
	grep -Eq '^ +epolltrace: pids? [0-9,]+, [0-9]+ threads?, [0-9]+s \| [0-9]+ epoll calls/s \| tracer CPU ' "$TOP/README" ||
		{ echo "the README's capture has no header line"; return 1; }
	head -n "$(wc -l <"$WORK/readme-columns")" "$WORK/columns" | diff "$WORK/readme-columns" -
}
check "the README's capture shows the table's first columns, in order" readme_capture
