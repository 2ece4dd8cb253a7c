# make check-real: the servers of the corpus (nginx, redis, memcached,
# haproxy, Python asyncio, Node.js), as Debian packages them, on loopback
# ports that are free, under bounded load (connections kept alive and
# connections closed after each request), untraced, under epolltrace
# --diagnose --dump -f -- SERVER, and through -p attach/detach cycles.
# Sourced by tests/real/KIND.sh after tests/e2e/lib.sh and loop-lib.sh;
# real_server_case KIND is the whole test.

REAL_DIR=$TESTS_SRCDIR/real
# Seconds of each load (wrk's -d; the other clients are sized to match).
LOAD_SECONDS=${REAL_LOAD_SECONDS:-1}
# A load that is still running when epolltrace detaches, which takes a
# fraction of a second once LINES_BEFORE_DETACH lines are traced.
DETACH_LOAD_SECONDS=$LOAD_SECONDS
CYCLES=${REAL_CYCLES:-5}
# Traced lines the detaching cycle waits for once its load has begun.
LINES_BEFORE_DETACH=50

# TAP lines of real_server_case: untraced 3, command 9, attach 1 + 8 per
# cycle + 1, and the end's 1.
REAL_CHECKS=$((3 + 9 + 1 + 8 * CYCLES + 1 + 1))

# real_tools KIND: the commands the server and its load need.
real_tools() {
	case $1 in
	nginx) echo python3 nginx wrk ;;
	redis) echo python3 redis-server redis-benchmark redis-cli ;;
	memcached) echo python3 memcached ;;
	haproxy) echo python3 haproxy wrk ;;
	asyncio) echo python3 ;;
	node) echo python3 node wrk ;;
	esac
}

# free_port: a TCP port of 127.0.0.1 that nothing holds now.  Another
# program may take it before the server does: real_start then tries again.
free_port() {
	$PYTHON -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# real_configure KIND DIR: the server's files in DIR, for the port in
# DIR/port (asyncio and node pick theirs and write it there); sets
# REAL_ARGV, its command, STOP_SIG, the signal that stops it, and
# EPOLL_PROCS, how many of its processes have an epoll instance.
real_configure() {
	rc_port=$(cat "$2/port" 2>/dev/null)
	STOP_SIG=TERM
	EPOLL_PROCS=1
	case $1 in
	nginx)
		EPOLL_PROCS=2
		mkdir -p "$2/tmp"
		cat >"$2/nginx.conf" <<-NGINX
		daemon off;
		master_process on;
		worker_processes 2;
		pid $2/nginx.pid;
		error_log $2/error.log warn;
		events { worker_connections 1024; }
		http {
			access_log off;
			client_body_temp_path $2/tmp/body;
			proxy_temp_path $2/tmp/proxy;
			fastcgi_temp_path $2/tmp/fastcgi;
			uwsgi_temp_path $2/tmp/uwsgi;
			scgi_temp_path $2/tmp/scgi;
			keepalive_requests 1000000;
			server {
				listen 127.0.0.1:$rc_port;
				location / { return 200 "ok\n"; }
			}
		}
		NGINX
		REAL_ARGV="nginx -e $2/error.log -p $2/ -c $2/nginx.conf" ;;
	redis)
		cat >"$2/redis.conf" <<-REDIS
		port $rc_port
		bind 127.0.0.1
		daemonize no
		save ""
		appendonly no
		dir $2
		logfile $2/redis.log
		REDIS
		REAL_ARGV="redis-server $2/redis.conf" ;;
	memcached)
		# -u: memcached refuses to run as root without a user to become.
		REAL_ARGV="memcached -l 127.0.0.1 -p $rc_port -U 0 -t 2"
		[ "$(id -u)" != 0 ] || REAL_ARGV="$REAL_ARGV -u root" ;;
	haproxy)
		cat >"$2/haproxy.cfg" <<-HAPROXY
		global
			nbthread 2
		defaults
			mode http
			timeout connect 5s
			timeout client 60s
			timeout server 60s
		frontend web
			bind 127.0.0.1:$rc_port
			http-request return status 200 content-type text/plain string ok
		HAPROXY
		REAL_ARGV="haproxy -db -f $2/haproxy.cfg" ;;
	asyncio | node)
		server_argv "$1" "$2/port"
		REAL_ARGV=$SERVER_ARGV ;;
	esac
}

# listening_or_dead ROOT PORTFILE: ROOT or a descendant listens on the
# port of PORTFILE (SERVER_PID set), or ROOT has ended (LOOP_DEAD set).
listening_or_dead() {
	if ended "$1"; then LOOP_DEAD=1; return 0; fi
	[ -s "$2" ] && SERVER_PID=$(find_server "$1" "$(cat "$2")")
}

# real_start KIND DIR [PREFIX...]: the server, run by PREFIX (epolltrace
# and its options) or as it is, until it listens; up to three tries, each
# on a new free port.  Sets LAUNCHED_PID (what was started), SERVER_PID
# (the process that listens: nginx's master) and PORT.
real_start() {
	rs_kind=$1
	rs_dir=$2
	shift 2
	for rs_try in 1 2 3; do
		rm -f "$rs_dir/port"
		case $rs_kind in
		asyncio | node) ;;
		*) free_port >"$rs_dir/port" || return 1 ;;
		esac
		real_configure "$rs_kind" "$rs_dir"
		# $REAL_ARGV is unquoted on purpose: a word list.
		"$@" $REAL_ARGV </dev/null >"$rs_dir/server.out" 2>"$WORKDIR/$rs_kind-server.err" &
		LAUNCHED_PID=$!
		track $LAUNCHED_PID
		LOOP_DEAD=
		SERVER_PID=
		if wait_until listening_or_dead "$LAUNCHED_PID" "$rs_dir/port" && [ -z "$LOOP_DEAD" ]; then
			PORT=$(cat "$rs_dir/port")
			return 0
		fi
		await_exit "$LAUNCHED_PID"
		echo "try $rs_try: the server exited with status $RC before it listened" | diag
	done
	return 1
}

# epoll_pids ROOT: ROOT and its descendants that hold an epoll instance,
# comma-separated (as -p takes them).
epoll_pids() {
	$PYTHON - "$1" <<-'PY'
	import os, sys
	todo, found = [int(sys.argv[1])], []
	while todo:
	    pid = todo.pop(0)
	    try:
	        for fd in os.listdir("/proc/%d/fd" % pid):
	            try:
	                if os.readlink("/proc/%d/fd/%s" % (pid, fd)) == "anon_inode:[eventpoll]":
	                    found.append(pid)
	                    break
	            except OSError:
	                pass
	        for tid in os.listdir("/proc/%d/task" % pid):
	            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
	                todo += [int(c) for c in f.read().split()]
	    except OSError:
	        pass
	print(",".join(str(p) for p in sorted(found)))
	PY
}

# epoll_procs_up ROOT: EPOLL_PROCS of ROOT's processes hold an epoll
# instance (nginx's workers are up); sets PIDS, comma-separated.
# With OLD_PIDS set, none of them may be one of those (a reload is done).
epoll_procs_up() {
	PIDS=$(epoll_pids "$1")
	set -- $(echo "$PIDS" | tr , ' ')
	[ $# = "$EPOLL_PROCS" ] || return 1
	for epu_pid in "$@"; do
		case ",$OLD_PIDS," in *",$epu_pid,"*) return 1 ;; esac
	done
}

# all_idle PIDS PORT: each process of PIDS is idle with no connection on
# PORT (loop_idle.py); the reasons why not in $WORKDIR/idle.why.
all_idle() {
	for ai_pid in $(echo "$1" | tr , ' '); do
		server_idle "$ai_pid" "$2" 0 || return 1
	done
}

# real_load KIND DIR SECONDS NAME: the load on the server, in the
# foreground; its summary line, "requests=N errors=E ...", in DIR/NAME.load,
# its whole output in DIR/NAME.out.
real_load() {
	rl_out=$2/$4.out
	case $1 in
	nginx | haproxy | node)
		# Keep-alive connections, and as many that close after each
		# request, as a closing loop's bugs need.
		wrk -t1 -c4 -d"$3"s --timeout 30s -s "$REAL_DIR/wrk_report.lua" \
			"http://127.0.0.1:$PORT/" >"$rl_out" 2>&1 &
		rl_pid=$!
		wrk -t1 -c4 -d"$3"s --timeout 30s -s "$REAL_DIR/wrk_report.lua" \
			-H 'Connection: close' "http://127.0.0.1:$PORT/" >"$rl_out.close" 2>&1
		wait $rl_pid
		cat "$rl_out.close" >>"$rl_out"
		sum_loads "$rl_out" >"$2/$4.load" ;;
	redis)
		# The same, as redis-benchmark's -k 1 and -k 0.
		rl_n=$(($3 * 2000))
		redis-benchmark -h 127.0.0.1 -p "$PORT" -c 4 -n $rl_n -t set,get,lpush,lpop -q \
			>"$rl_out" 2>&1 &
		rl_pid=$!
		redis-benchmark -h 127.0.0.1 -p "$PORT" -c 4 -k 0 -n $(($3 * 500)) -t set,get -q \
			>"$rl_out.close" 2>&1
		rl_rc=$?
		wait $rl_pid || rl_rc=$?
		cat "$rl_out.close" >>"$rl_out"
		# The server's own count of error replies and refused connections.
		redis-cli -h 127.0.0.1 -p "$PORT" info stats >>"$rl_out" 2>&1
		rl_errors=$(tr -d '\r' <"$rl_out" |
			sed -n 's/^\(total_error_replies\|rejected_connections\)://p' |
			awk -v rc=$rl_rc '{ n += $1; seen++ } END { print n + (rc != 0) + (seen != 2) }')
		echo "requests=$((rl_n * 4 + $3 * 500 * 2)) errors=$rl_errors benchmark_status=$rl_rc" \
			>"$2/$4.load" ;;
	memcached)
		$PYTHON "$REAL_DIR/memcache_load.py" "$PORT" "$3" 8 >"$rl_out" 2>&1
		grep '^requests=' "$rl_out" >"$2/$4.load" ;;
	asyncio)
		$PYTHON "$LOOPS_DIR/load_client.py" --proto echo --port-file "$2/port" \
			-c 8 -m $(($3 * 100)) --close-midway 2 --reopen 2 >"$rl_out" 2>&1
		rl_rc=$?
		rl_messages=$(sed -n 's/.* messages=\([0-9]*\) .*/\1/p' "$rl_out" | tail -n 1)
		echo "requests=${rl_messages:-0} errors=$((rl_rc != 0)) client_status=$rl_rc" \
			>"$2/$4.load" ;;
	esac
}

# sum_loads FILE: the "requests=N errors=E" lines of FILE (wrk_report.lua's)
# summed into one.
sum_loads() {
	awk '/^requests=/ { for (i = 1; i <= 2; i++) { split($i, kv, "="); n[i] += kv[2] } k++ }
		END { printf "requests=%d errors=%d (%d loads)\n", n[1], n[2] + (k != 2), k }' "$1"
}

# load_clean DIR NAME: the load NAME made requests and had no error.
load_clean() {
	grep -Eq '^requests=[1-9][0-9]* errors=0( |$)' "$1/$2.load" 2>/dev/null
}

# check_load LABEL DIR NAME: one TAP line, load_clean; its output if not.
check_load() {
	if load_clean "$2" "$3"; then
		ok "$1"
	else
		not_ok "$1"
		show_file "the load's output" "$2/$3.out"
	fi
	cat "$2/$3.load" 2>/dev/null | diag
}

# check_dumps LABEL PIDS LOG: one TAP line, check_dump's verdict for every
# process of PIDS (the last dump of each in LOG is what fdinfo holds).
check_dumps() {
	cd_bad=
	for cd_pid in $(echo "$2" | tr , ' '); do
		if ! $PYTHON "$ORACLE" --dump "$cd_pid" "$3" >"$WORKDIR/oracle" 2>&1; then
			cd_bad="$cd_bad $cd_pid"
			echo "pid $cd_pid:" | diag
			head -n 20 "$WORKDIR/oracle" | diag
		fi
	done
	if [ -z "$cd_bad" ]; then ok "$1"; else not_ok "$1"; fi
}

# dumped_all PIDS LOG: every process of PIDS has as many verdicts in LOG
# as it has epoll instances now, at least.
dumped_all() {
	for da_pid in $(echo "$1" | tr , ' '); do
		verdicts_at_least "$da_pid" "$2" "$(eventpolls "$da_pid")" || return 1
	done
}

# check_untraced_all LABEL PIDS: one TAP line: no task of any process of PIDS
# is traced or stopped.
check_untraced_all() {
	cu_label=$1
	shift
	for cu_pid in $(echo "$1" | tr , ' '); do
		if ! running_untraced "$cu_pid"; then
			not_ok "$cu_label"
			echo "tasks of $cu_pid (tid, state, TracerPid):" | diag
			diag <"$WORKDIR/task-states"
			return
		fi
	done
	ok "$cu_label"
}

# case_processes DIR: the processes, but this one and its parent (the
# test), that hold a file under DIR open, or their cwd there, one a line:
# "PID COMMAND: PATH".  Every process a case starts does: the servers and
# their children their stdout, stderr or logs, epolltrace its log, the
# loads their output; so they are found even once orphaned (nginx's
# workers, when their master was killed).
case_processes() {
	$PYTHON - "$1" <<-'PY'
	import os, sys
	top = os.path.realpath(sys.argv[1]) + "/"
	mine = {os.getpid(), os.getppid()}
	for pid in sorted(int(p) for p in os.listdir("/proc") if p.isdigit()):
	    if pid in mine:
	        continue
	    try:
	        links = [os.path.join("/proc/%d/fd" % pid, fd) for fd in os.listdir("/proc/%d/fd" % pid)]
	        held = []
	        for link in links + ["/proc/%d/cwd" % pid]:
	            try:
	                held.append(os.readlink(link))
	            except OSError:
	                pass
	        with open("/proc/%d/cmdline" % pid, "rb") as f:
	            command = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
	    except OSError:
	        continue
	    inside = [h for h in held if h.startswith(top)]
	    if inside:
	        print("%d %s: %s" % (pid, command, inside[0]))
	PY
}

# no_case_processes: case_processes finds none under WORKDIR; what it
# finds is in $WORKDIR/leftovers.
no_case_processes() {
	case_processes "$WORKDIR" >"$WORKDIR/leftovers" && [ ! -s "$WORKDIR/leftovers" ]
}

# check_nothing_left LABEL: one TAP line: no process of the case outlives
# it (SIGKILL ends those that do, after they are shown).
check_nothing_left() {
	if no_case_processes; then
		ok "$1"
	else
		not_ok "$1"
		diag <"$WORKDIR/leftovers"
		for cnl_pid in $(cut -d' ' -f1 "$WORKDIR/leftovers"); do
			kill -KILL "$cnl_pid" 2>/dev/null
		done
		wait_until no_case_processes || diag <"$WORKDIR/leftovers"
	fi
}

# real_fatal WHAT: the rest of the case cannot run; skipped, but for the
# end's check that nothing of it is left running.
real_fatal() {
	not_ok "$1"
	show_loop_files
	skip_n $((REAL_CHECKS - 1 - tap_count)) "the step before failed"
	end_tracked
	check_nothing_left "$REAL_KIND: no process of the case outlives it"
	exit 1
}

# stop_server SIG: SIG to the server's process (nginx's master), then its
# starter (the server or epolltrace) is reaped; sets RC.
stop_server() {
	kill -"$1" "$SERVER_PID" || echo "kill -$1 '$SERVER_PID' failed" | diag
	await_exit "$LAUNCHED_PID"
}

# ---- The three parts ----

# untraced_part KIND DIR: 3 TAP lines; sets BASE_RC, the server's exit
# status on STOP_SIG, which the other parts must see too.
untraced_part() {
	real_start "$1" "$2" && wait_until epoll_procs_up "$SERVER_PID" ||
		real_fatal "$1 untraced: starts and listens; $EPOLL_PROCS processes hold epoll instances"
	ok "$1 untraced: starts and listens on 127.0.0.1:$PORT; pids $PIDS hold epoll instances"
	real_load "$1" "$2" "$LOAD_SECONDS" untraced
	check_load "$1 untraced: ${LOAD_SECONDS}s of load, no error" "$2" untraced
	stop_server "$STOP_SIG"
	BASE_RC=$RC
	if [ "$RC" != hung ]; then
		ok "$1 untraced: SIG$STOP_SIG stops it (exit status $RC)"
	else
		not_ok "$1 untraced: SIG$STOP_SIG stops it"
	fi
}

# reload KIND: nginx re-reads its configuration on SIGHUP and replaces its
# workers (each of its reloads gave --diagnose 4 false warnings once);
# waits for the new workers.  Nothing for the other servers.
reload() {
	[ "$1" = nginx ] || return 0
	OLD_PIDS=$PIDS
	kill -HUP "$SERVER_PID"
	wait_until epoll_procs_up "$SERVER_PID"
	rl_up=$?
	OLD_PIDS=
	return $rl_up
}

# command_part KIND DIR: 9 TAP lines.
command_part() {
	cp_label="$1 under epolltrace --diagnose --dump -f -o LOG"
	cp_log=$2/command.log
	real_start "$1" "$2" "$EPOLLTRACE" --diagnose --dump -f -o "$cp_log" -- &&
		wait_until epoll_procs_up "$SERVER_PID" ||
		real_fatal "$cp_label: starts and listens; $EPOLL_PROCS processes hold epoll instances"
	ok "$cp_label: starts and listens; pids $PIDS hold epoll instances"
	TRACER_PID=$LAUNCHED_PID
	real_load "$1" "$2" "$LOAD_SECONDS" command1
	if reload "$1"; then
		real_load "$1" "$2" "$LOAD_SECONDS" command
		load_clean "$2" command1 || cp "$2/command1.load" "$2/command.load"
	else
		echo "errors=1: the new workers did not come up after SIGHUP" >"$2/command.load"
	fi
	what="${LOAD_SECONDS}s of load"
	[ "$1" != nginx ] || what="$what, a reload (SIGHUP), ${LOAD_SECONDS}s more"
	check_load "$cp_label: $what, no error" "$2" command

	if wait_until all_idle "$PIDS" "$PORT"; then
		ok "$cp_label: idle, every connection closed"
	else
		not_ok "$cp_label: idle, every connection closed"
		diag <"$WORKDIR/idle.why"
	fi
	kill -USR1 "$TRACER_PID"
	if wait_until dumped_all "$PIDS" "$cp_log"; then
		ok "$cp_label: SIGUSR1: a dump of every instance of pids $PIDS"
	else
		not_ok "$cp_label: SIGUSR1: a dump of every instance of pids $PIDS"
	fi
	check_dumps "$cp_label: each dump holds exactly what fdinfo holds; every verdict: matches" \
		"$PIDS" "$cp_log"

	stop_server "$STOP_SIG"
	check_status "$cp_label: SIG$STOP_SIG: the exit status is the untraced one" "$BASE_RC" "$RC"
	[ "$RC" = "$BASE_RC" ] || show_file "server's and epolltrace's stderr" "$WORKDIR/$1-server.err"
	check_traced "$cp_label: its epoll calls were traced" "$cp_log" 1 0
	check_no_warnings "$cp_label: --diagnose says nothing of a correct server" "$cp_log"
	check_no_differs "$cp_label: no dump says the model differs from the kernel" "$cp_log"
}

# attached_all PIDS LOG: epolltrace said it attached to each of PIDS, and
# has traced a call after the attach header.
attached_all() {
	for aa_pid in $(echo "$1" | tr , ' '); do
		attached "$aa_pid" "$2" 2>/dev/null || return 1
	done
	grep -Evq '^epolltrace: ' "$2"
}

# check_headers LABEL PIDS LOG: one TAP line: each process's attach header
# in LOG holds exactly what its fdinfo holds (the server is idle).
check_headers() {
	ch_bad=
	for ch_pid in $(echo "$2" | tr , ' '); do
		grep "^epolltrace: pid $ch_pid " "$3" >"$WORKDIR/header"
		if ! $PYTHON "$ORACLE" "$ch_pid" "$WORKDIR/header" >"$WORKDIR/oracle" 2>&1; then
			ch_bad="$ch_bad $ch_pid"
			echo "pid $ch_pid:" | diag
			head -n 20 "$WORKDIR/oracle" | diag
		fi
	done
	if [ -z "$ch_bad" ]; then ok "$1"; else not_ok "$1"; fi
}

# traced_lines LOG: the number of call lines in LOG.
traced_lines() { grep -Ec "${TID_PREFIX}[a-z_0-9]+\\(|${TID_PREFIX}<\\.\\.\\." "$1" 2>/dev/null; }

# grown_or_ended LOG N PID: LOG has more than N call lines, or PID ended.
grown_or_ended() { [ "$(traced_lines "$1")" -gt "$2" ] || ended "$3"; }

# attach_cycle KIND DIR N: one -p cycle on the idle server, 8 TAP lines:
# attach (the header is what fdinfo holds), load, a dump once idle, and a
# detach (SIGINT, SIGTERM, SIGHUP in turn) while a second load runs, whose
# dump, taken while every thread stands still, matches the kernel.  It
# waits for the server to close the connections of the cycle before's
# load first: fdinfo is read after the header, and a connection closed
# in between differs (nginx's fds 11 and 12 once, at a load of 54).
attach_cycle() {
	ac_label="$1 -p cycle $3"
	ac_log=$2/attach$3.log
	wait_until all_idle "$PIDS" "$PORT" || diag <"$WORKDIR/idle.why"
	start_tracer "$ac_log" "$PIDS" --diagnose --dump
	if wait_until attached_all "$PIDS" "$ac_log"; then
		check_headers "$ac_label: attached to $PIDS; each header holds what fdinfo holds" \
			"$PIDS" "$ac_log"
	else
		not_ok "$ac_label: attached to $PIDS; each header holds what fdinfo holds"
		show_file "epolltrace's stderr" "$ac_log.err"
	fi
	real_load "$1" "$2" "$LOAD_SECONDS" "traced$3"
	check_load "$ac_label: ${LOAD_SECONDS}s of load while traced, no error" "$2" "traced$3"
	if wait_until all_idle "$PIDS" "$PORT" && kill -USR1 "$TRACER_PID" &&
	   wait_until dumped_all "$PIDS" "$ac_log"; then
		check_dumps "$ac_label: idle again: each dump holds what fdinfo holds" "$PIDS" "$ac_log"
	else
		not_ok "$ac_label: idle again: each dump holds what fdinfo holds"
		diag <"$WORKDIR/idle.why"
	fi
	ac_lines=$(traced_lines "$ac_log")
	real_load "$1" "$2" "$DETACH_LOAD_SECONDS" "detach$3" &
	ac_load=$!
	track $ac_load
	wait_until grown_or_ended "$ac_log" $((ac_lines + LINES_BEFORE_DETACH)) "$ac_load"
	set -- "$1" "$2" "$3" $(echo "INT TERM HUP" | cut -d' ' -f$(($3 % 3 + 1)))
	kill -"$4" "$TRACER_PID"
	await_exit "$TRACER_PID"
	check_status "$ac_label: SIG$4 under load: epolltrace detaches and exits 0" 0 "$RC"
	[ "$RC" = 0 ] || show_file "epolltrace's stderr" "$ac_log.err"
	check_untraced_all "$ac_label: no thread is left traced or stopped" "$PIDS"
	await_exit "$ac_load"
	check_load "$ac_label: the load across the detach had no error" "$2" "detach$3"
	check_no_warnings "$ac_label: --diagnose says nothing of a correct server" "$ac_log"
	check_no_differs "$ac_label: no dump, that of the detach under load included, says the model differs" \
		"$ac_log"
}

# attach_part KIND DIR: 1 + 8 * CYCLES + 1 TAP lines.
attach_part() {
	real_start "$1" "$2" || real_fatal "$1 untraced for -p: starts and listens"
	if wait_until epoll_procs_up "$SERVER_PID" && wait_until all_idle "$PIDS" "$PORT"; then
		ok "$1 untraced for -p: starts and listens; pids $PIDS hold epoll instances"
	else
		real_fatal "$1 untraced for -p: starts and listens; $EPOLL_PROCS processes hold epoll instances"
	fi
	ap_n=1
	while [ $ap_n -le "$CYCLES" ]; do
		attach_cycle "$1" "$2" $ap_n
		ap_n=$((ap_n + 1))
	done
	stop_server "$STOP_SIG"
	check_status "$1 after $CYCLES -p cycles: SIG$STOP_SIG: the exit status is the untraced one" \
		"$BASE_RC" "$RC"
}

# real_server_case KIND: the test of one server, REAL_CHECKS TAP lines.
real_server_case() {
	plan $REAL_CHECKS
	if ! need $(real_tools "$1"); then
		skip_n $REAL_CHECKS "$NEED_WHY"
		exit 0
	fi
	REAL_KIND=$1
	for rsc_part in untraced command attach; do
		mkdir "$WORKDIR/$rsc_part" || exit 99
		${rsc_part}_part "$1" "$WORKDIR/$rsc_part"
	done
	check_nothing_left "$1: no process of the case outlives it"
}
