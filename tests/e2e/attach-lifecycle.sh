#!/bin/sh
# epolltrace -p on targets that stop, exit, fork and exec:
# (a) a target stopped by SIGSTOP stays stopped while traced and after the
#     detach, untraced, and goes on when continued; one continued while
#     traced goes on, and its epoll calls show;
# (b) a target that exits while traced: "+++ exited with N +++", and
#     epolltrace exits 0 by itself;
# (c) a target that forks and execs while traced: the children's epoll
#     calls show and work (the programs check them), and the exit statuses
#     are the untraced ones.
# The target of (a) and (b) is tests/progs/tty_wait, its stdin a fifo: it
# sleeps in epoll_wait until a line comes, exits 0 for "go", 3 otherwise.
. "$TESTS_SRCDIR/e2e/lib.sh"

LOG=$WORKDIR/trace.log

plan 24

# in_syscall PID NR: PID sleeps in system call number NR.
in_syscall() {
	read -r is_nr is_rest <"/proc/$1/syscall" 2>/dev/null && [ "$is_nr" = "$2" ]
}

# state_is PID LETTERS: the process's state is one of LETTERS.
state_is() {
	case $(proc_state "/proc/$1") in
	["$2"]) return 0 ;;
	*) return 1 ;;
	esac
}

# start_waiter NAME: tty_wait with its stdin on fd 7, a fifo; sets
# WAITER_PID once it sleeps in epoll_wait.
start_waiter() {
	rm -f "$WORKDIR/$1.in"
	mkfifo "$WORKDIR/$1.in"
	"$PROGS_DIR/tty_wait" <"$WORKDIR/$1.in" >"$WORKDIR/$1.out" 2>&1 &
	WAITER_PID=$!
	track $WAITER_PID
	exec 7>"$WORKDIR/$1.in"
	wait_until grep -q '^waiting ' "$WORKDIR/$1.out" || return 1
	waiter_nr=$(sed -n 's/^waiting pid=[0-9]* nr=//p' "$WORKDIR/$1.out")
	wait_until in_syscall "$WAITER_PID" "$waiter_nr"
}

# stop_waiter: SIGSTOP, and wait until /proc shows it stopped.
stop_waiter() {
	kill -STOP "$WAITER_PID" && wait_until state_is "$WAITER_PID" T
}

# attach_to PID: epolltrace -p PID; fails unless it says it attached.
attach_to() {
	rm -f "$LOG" "$LOG.err"
	start_tracer "$LOG" "$1"
	wait_until attached "$1" "$LOG"
}

# explain: the state of things, after a failed check.
explain() {
	echo "state of $WAITER_PID: $(proc_state /proc/$WAITER_PID), TracerPid $(tracer_of /proc/$WAITER_PID)" | diag
	show_file "epolltrace's stderr" "$LOG.err"
	show_file "log" "$LOG"
}

# step LABEL COMMAND...: one TAP line, with explain when it fails.
step() {
	step_label=$1
	shift
	if "$@"; then ok "$step_label"; else not_ok "$step_label"; explain; fi
}

# log_has ERE: a line of the log matches.
log_has() { grep -Eq -- "$1" "$LOG"; }
log_lacks() { ! log_has "$1"; }

# ---- (a) stopped, detached stopped, continued untraced ----
start_waiter a1 && stop_waiter
step "(a) tty_wait is stopped (state T)" state_is "$WAITER_PID" T
step "(a) epolltrace attaches to the stopped process" attach_to "$WAITER_PID"
step "(a) it stays stopped while traced (state T or t)" state_is "$WAITER_PID" Tt
kill -INT "$TRACER_PID"
await_exit "$TRACER_PID"
check_status "(a) SIGINT: epolltrace exits 0" 0 "$RC"
step "(a) after the detach it is still stopped (state T)" state_is "$WAITER_PID" T
step "(a) after the detach it has no tracer" [ "$(tracer_of /proc/$WAITER_PID)" = 0 ]
step "(a) no epoll call ran while it was stopped" log_lacks "${TID_PREFIX}epoll_"
kill -CONT "$WAITER_PID"
step "(a) SIGCONT: it runs again, in epoll_wait" wait_until in_syscall "$WAITER_PID" "$waiter_nr"
echo go >&7
exec 7>&-
await_exit "$WAITER_PID"
check_status "(a) it reads its line and exits 0" 0 "$RC"

# ---- (a) stopped, continued while traced ----
start_waiter a2 && stop_waiter
step "(a) continued while traced: epolltrace attaches to the stopped process" \
	attach_to "$WAITER_PID"
step "(a) continued while traced: it stays stopped until then" state_is "$WAITER_PID" Tt
kill -CONT "$WAITER_PID"
step "(a) continued while traced: it waits in epoll_wait again" \
	wait_until in_syscall "$WAITER_PID" "$waiter_nr"
echo go >&7
exec 7>&-
await_exit "$WAITER_PID"
check_status "(a) continued while traced: it reads its line and exits 0" 0 "$RC"
step "(a) continued while traced: its epoll_wait returning the line shows" \
	log_has "^$WAITER_PID +epoll_wait\\(.*\\) += 1\$"
await_exit "$TRACER_PID"
check_status "(a) continued while traced: epolltrace exits 0 when it exits" 0 "$RC"

# ---- (b) exits while traced ----
start_waiter b
step "(b) epolltrace attaches to tty_wait" attach_to "$WAITER_PID"
echo bye >&7
exec 7>&-
await_exit "$WAITER_PID"
check_status "(b) tty_wait exits 3 (the line was not go)" 3 "$RC"
await_exit "$TRACER_PID"
check_status "(b) epolltrace exits 0 by itself" 0 "$RC"
step "(b) the log says +++ exited with 3 +++" log_has "^$WAITER_PID +\\+\\+\\+ exited with 3 \\+\\+\\+\$"

# ---- (c) forks and execs while traced ----
# A shell waits for "go", runs fork_children (which forks, vforks, clones
# and forks from a thread, exiting 3) and exec_chain (which execs
# exec_target, exiting 7), and prints their statuses.
SCRIPT='read go && [ "$go" = go ] || exit 9
"$1"; s1=$?
"$2" leader "$3" 7; s2=$?
echo "statuses $s1 $s2"'
set -- "$PROGS_DIR/fork_children" "$PROGS_DIR/exec_chain" "$PROGS_DIR/exec_target"
want=$(echo go | timeout $HANG_GUARD sh -c "$SCRIPT" sh "$@" 2>&1)
rm -f "$WORKDIR/c.in"
mkfifo "$WORKDIR/c.in"
sh -c "$SCRIPT" sh "$@" <"$WORKDIR/c.in" >"$WORKDIR/c.out" 2>&1 &
shell_pid=$!
track $shell_pid
exec 7>"$WORKDIR/c.in"
WAITER_PID=$shell_pid
step "(c) epolltrace attaches to the shell" attach_to "$shell_pid"
echo go >&7
exec 7>&-
await_exit "$shell_pid"
check_status "(c) the shell exits 0" 0 "$RC"
got=$(cat "$WORKDIR/c.out")
check_status "(c) the children's exit statuses are the untraced ones" "$want" "$got"
await_exit "$TRACER_PID"
check_status "(c) epolltrace exits 0 by itself" 0 "$RC"
# Each child's own epoll data (tests/progs/fork_children.c, exec_target.c).
missing=
for data in 0xf0 0x7417 0xc10e 0x3a1 0xe7ec; do
	log_has "${TID_PREFIX}epoll_ctl\\(.*data=$data\\}\\) += 0\$" || missing="$missing $data"
done
step "(c) the log shows the children's epoll calls (missing:${missing:- none})" [ -z "$missing" ]
