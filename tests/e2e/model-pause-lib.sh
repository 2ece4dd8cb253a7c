# Helpers of the model tests whose programs pause for the test
# (model-io-uring.sh, model-exec.sh): the program, run under epolltrace
# in the background, prints "pause N NAME=VALUE..." and reads a line from
# its stdin, a fifo the test holds on fd 8.  While it waits there, the
# test reads the kernel's list in /proc/PID/fdinfo, sends SIGUSR1 to
# epolltrace, waits for the dump's verdict line, and compares the three:
# what the program registered, what the kernel holds, and what the model
# dumps.  Every wait polls a file or /proc (wait_until), never a delay.
# Sourced after lib.sh.

PAUSE_FIFO=$WORKDIR/pause.in

# start_paused LOG OUT EPOLLTRACE_OPTIONS... -- COMMAND...: epolltrace -o
# LOG in the background, the command's stdin the fifo (on the test's fd 8
# once this returns) and its stdout in OUT, both stderrs in OUT.err; sets
# TRACER_PID.  The pauses are the test's, between a loop's waits: an hour's
# --blocked-ms keeps loop-blocked from reporting them.
start_paused() {
	sp_log=$1
	sp_out=$2
	shift 2
	rm -f "$PAUSE_FIFO" "$sp_log" "$sp_out" && mkfifo "$PAUSE_FIFO" || return 1
	"$EPOLLTRACE" --follow-forks --blocked-ms=3600000 -o "$sp_log" "$@" \
		<"$PAUSE_FIFO" >"$sp_out" 2>"$sp_out.err" 8>&- &
	TRACER_PID=$!
	track $TRACER_PID
	# Blocks until the background job has opened the fifo for reading.
	exec 8>"$PAUSE_FIFO"
}

# resume: the paused program reads its line and goes on; in a subshell, so
# that a program that has died kills only that with SIGPIPE.
resume() { (echo >&8) 2>/dev/null; }

# end_paused: closes the program's stdin (a program still reading gets EOF
# and fails its self-check); then reaps epolltrace, RC its exit status.
end_paused() {
	exec 8>&-
	await_exit "$TRACER_PID"
}

paused_or_ended() { grep -q "^pause $1 " "$2" 2>/dev/null || ended "$TRACER_PID"; }

# await_pause N OUT: waits until the program printed pause N in OUT and
# sets PAUSE_LINE; fails if epolltrace ends first.
await_pause() {
	PAUSE_LINE=
	wait_until paused_or_ended "$1" "$2" &&
		PAUSE_LINE=$(grep "^pause $1 " "$2") && [ -n "$PAUSE_LINE" ]
}

# pause_value NAME: VALUE of NAME=VALUE in PAUSE_LINE.
pause_value() { echo "$PAUSE_LINE" | sed -n "s/.* $1=\\(-\\{0,1\\}[0-9][0-9]*\\).*/\\1/p"; }

# verdicts_of PID EPFD LOG: how many dump verdicts LOG has for that instance.
verdicts_of() {
	grep -Ec "^epolltrace: dump: pid $1 epfd $2: model (matches|differs) " "$3" 2>/dev/null
}

verdicts_reached() { [ "$(verdicts_of "$1" "$2" "$3")" -ge "$4" ]; }

# take_dump LOG PID EPFD K: SIGUSR1 to epolltrace, then waits for the K-th
# verdict on PID's EPFD in LOG; the lines of that dump in $WORKDIR/dump.
# The program is paused and has one instance: the verdict is the dump's
# last line.
take_dump() {
	td_before=$(grep -c '^epolltrace: dump: ' "$1" 2>/dev/null)
	: >"$WORKDIR/dump"
	kill -USR1 "$TRACER_PID" || return 1
	wait_until verdicts_reached "$2" "$3" "$1" "$4" || return 1
	grep '^epolltrace: dump: ' "$1" | tail -n +$((${td_before:-0} + 1)) >"$WORKDIR/dump"
}

# events_value NAMES: the mask that "EPOLLIN|EPOLLERR|..." names, in
# decimal (from the kernel's uapi values, not from epolltrace's table);
# fails on a name it does not know.
events_value() {
	ev_sum=0
	ev_rest="$1|"
	while [ -n "$ev_rest" ]; do
		ev_name=${ev_rest%%|*}
		ev_rest=${ev_rest#*|}
		case $ev_name in
		EPOLLIN) ev_bit=1 ;;
		EPOLLPRI) ev_bit=2 ;;
		EPOLLOUT) ev_bit=4 ;;
		EPOLLERR) ev_bit=8 ;;
		EPOLLHUP) ev_bit=16 ;;
		EPOLLNVAL) ev_bit=32 ;;
		EPOLLRDNORM) ev_bit=64 ;;
		EPOLLRDBAND) ev_bit=128 ;;
		EPOLLWRNORM) ev_bit=256 ;;
		EPOLLWRBAND) ev_bit=512 ;;
		EPOLLMSG) ev_bit=1024 ;;
		EPOLLRDHUP) ev_bit=8192 ;;
		EPOLLEXCLUSIVE) ev_bit=$((1 << 28)) ;;
		EPOLLWAKEUP) ev_bit=$((1 << 29)) ;;
		EPOLLONESHOT) ev_bit=$((1 << 30)) ;;
		EPOLLET) ev_bit=$((1 << 31)) ;;
		0) ev_bit=0 ;;
		0x[0-9a-f]*) ev_bit=$((ev_name)) ;;
		*) return 1 ;;
		esac
		ev_sum=$((ev_sum | ev_bit))
	done
	echo "$ev_sum"
}

# fdinfo_regs PID EPFD: the kernel's registrations in /proc/PID/fdinfo/EPFD,
# "TFD EVENTS DATA" (events in decimal, data in hex without 0x), by TFD;
# "unreadable" when the file cannot be read.
fdinfo_regs() {
	if ! cat "/proc/$1/fdinfo/$2" >"$WORKDIR/fdinfo.raw" 2>/dev/null; then
		echo unreadable
		return
	fi
	awk '$1 == "tfd:" { print $2, $4, $6 }' "$WORKDIR/fdinfo.raw" |
	while read -r fr_tfd fr_events fr_data; do
		echo "$fr_tfd $((0x$fr_events)) $fr_data"
	done | sort -n
}

# dump_regs DUMP: the registration lines of DUMP in fdinfo_regs's form.
dump_regs() {
	sed -n 's/^epolltrace: dump: pid [0-9]* epfd [0-9]*: fd \([0-9]*\) <.*> events=\([^ ]*\)\( (disarmed)\)\{0,1\} data=\(0x\)\{0,1\}\([0-9a-f]*\) reported=[0-9]*$/\1 \2 \5/p' "$1" |
	while read -r dr_tfd dr_names dr_data; do
		dr_events=$(events_value "$dr_names") || dr_events="unknown:$dr_names"
		echo "$dr_tfd $dr_events $dr_data"
	done | sort -n
}

# fd_link PID FD: what /proc/PID/fd/FD links to, as the dump names it.
fd_link() { readlink "/proc/$1/fd/$2"; }

# check_pause LABEL LOG PID EPFD K WANT_KERNEL WANT_DUMP: the four TAP
# lines of a pause, with the program paused and the K-th dump to take:
# the kernel's list is WANT_KERNEL (a file in fdinfo_regs's form: the
# program did what it says); the dump is WANT_DUMP (a file: its lines
# exactly, verdict included); the verdict says the model matches; and the
# dump's registrations are fdinfo's, read at the same pause.
check_pause() {
	cp_label=$1 cp_log=$2 cp_pid=$3 cp_epfd=$4 cp_k=$5
	fdinfo_regs "$cp_pid" "$cp_epfd" >"$WORKDIR/kernel"
	compare_text "$cp_label: the kernel's list is what the program registered" \
		"$6" "$WORKDIR/kernel"
	if ! take_dump "$cp_log" "$cp_pid" "$cp_epfd" "$cp_k"; then
		for cp_what in "the dump lists" "the verdict" "the dump agrees with fdinfo"; do
			not_ok "$cp_label: $cp_what: no dump verdict came after SIGUSR1"
		done
		show_file "the trace" "$cp_log"
		return
	fi
	grep -Ev ': model (matches|differs) ' "$WORKDIR/dump" >"$WORKDIR/dump.regs"
	grep -Ev ': model (matches|differs) ' "$7" >"$WORKDIR/want.regs"
	compare_text "$cp_label: the dump lists each registration, its events, data and count" \
		"$WORKDIR/want.regs" "$WORKDIR/dump.regs"
	grep -E ': model (matches|differs) ' "$WORKDIR/dump" >"$WORKDIR/dump.verdict"
	grep -E ': model (matches|differs) ' "$7" >"$WORKDIR/want.verdict"
	compare_text "$cp_label: the dump's verdict" "$WORKDIR/want.verdict" "$WORKDIR/dump.verdict"
	dump_regs "$WORKDIR/dump" >"$WORKDIR/dump.kernelform"
	# The kernel's list is read again: it cannot have changed during the pause.
	fdinfo_regs "$cp_pid" "$cp_epfd" >"$WORKDIR/kernel.after"
	if cmp -s "$WORKDIR/kernel" "$WORKDIR/kernel.after"; then
		compare_text "$cp_label: the dump agrees with /proc/PID/fdinfo/$cp_epfd" \
			"$WORKDIR/kernel" "$WORKDIR/dump.kernelform"
	else
		not_ok "$cp_label: the dump agrees with /proc/PID/fdinfo/$cp_epfd"
		echo "the kernel's list changed during the pause" | diag
	fi
}

# reg_line PID EPFD FD NAME EVENTS DATA REPORTED: a dump's registration line.
reg_line() {
	echo "epolltrace: dump: pid $1 epfd $2: fd $3 <$4> events=$5 data=0x$6 reported=$7"
}

# verdict_line PID EPFD N: "model matches the kernel (N registrations)".
verdict_line() {
	if [ "$3" = 1 ]; then vl_s=; else vl_s=s; fi
	echo "epolltrace: dump: pid $1 epfd $2: model matches the kernel ($3 registration$vl_s)"
}

# after_last_verdict LOG: the dump lines of LOG after its last verdict (the
# dump --dump prints when a process exits has none).
after_last_verdict() {
	grep '^epolltrace: dump: ' "$1" | awk '/: model (matches|differs) / { n = NR }
		{ line[NR] = $0 }
		END { for (i = n + 1; i <= NR; i++) print line[i] }'
}

# only_pauses N OUT: OUT has the lines "pause 1 ..." to "pause N ..." and
# nothing else.
only_pauses() {
	[ "$(wc -l <"$2")" = "$1" ] && [ "$(grep -c "^pause [1-$1] " "$2")" = "$1" ]
}

# not_ok_n N REASON: N failed TAP lines (a step the rest depends on failed).
not_ok_n() {
	non_i=0
	while [ $non_i -lt "$1" ]; do
		not_ok "$2"
		non_i=$((non_i + 1))
	done
}
