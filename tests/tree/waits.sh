#!/bin/sh
# wait_until (tests/e2e/lib.sh) runs its command again at each try, but
# the shell expands the command's arguments once, before the call: in
# "wait_until test \"$(traced_pids)\" = \"$want\"" the state is read once
# and the wait waits for nothing, a race lost under load.  No test script
# may hand wait_until a command substitution the caller expands (one in
# single quotes, as eval's argument, or escaped for sh -c, is expanded at
# each try; $((...)) is arithmetic, fixed on purpose).
: "${TESTS_SRCDIR:?}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/epolltrace-waits.XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
echo 1..2
. "$TESTS_SRCDIR/tree/tap-lib.sh"

# read_once FILE...: prints each line where wait_until is given a $(...)
# or `...` that its caller expands; fails when there is one.
read_once() {
	perl -ne '
		if (!/^\s*#/ && /\bwait_until\b(.*)/) {
			my $args = $1;
			$args =~ s/\x27[^\x27]*\x27//g;
			# Its command ends there: what follows is read once on purpose.
			$args =~ s/(&&|\|\||;|\bthen\b).*//;
			$args =~ s/\\\$\(//g;
			$args =~ s/\$\(\(//g;
			if ($args =~ /\$\(|`/) { print "$ARGV:$.: $_"; $bad = 1 }
		}
		close ARGV if eof;
		END { exit($bad ? 1 : 0) }' "$@"
}

check "no wait_until is handed a state read once, by its caller" \
	read_once "$TESTS_SRCDIR"/e2e/*.sh "$TESTS_SRCDIR"/real/*.sh

cat >"$WORK/sample.sh" <<'SAMPLE'
wait_until sh -c "[ \"\$(cat '$f')\" -gt 1 ]"
wait_until eval '[ "$(proc_state /proc/$pid)" = Z ]'
wait_until client_replies_above $((replies + 20))
wait_until ended_with 0 && [ "$(tracer_of /proc/$pid)" = 0 ]
wait_until test "$(traced_pids)" = "$want"
SAMPLE
only_last() { ! read_once "$WORK/sample.sh" >"$WORK/found" && [ "$(cut -d: -f2 "$WORK/found")" = 5 ]; }
check "... which the check finds, and only it, among waits that read theirs at each try" only_last
