#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/model_feed.h"
#include "app/session.h"
#include "app/top_session.h"
#include "app/tracer_signals.h"
#include "app/trap_rules.h"
#include "cli/attach_target.h"
#include "cli/command_path.h"
#include "cli/epoll_holders.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/parse_options.h"
#include "cli/pid_list.h"
#include "decode/signals.h"
#include "procfs/proc_status.h"
#include "procfs/proc_tree.h"
#include "trace/engine.h"

static _Noreturn void fail_with(int code, const char *what, const char *arg, const char *why)
{
	fflush(stderr);
	if (arg)
		fprintf(stderr, "epolltrace: %s '%s': %s\n", what, arg, why);
	else
		fprintf(stderr, "epolltrace: %s: %s\n", what, why);
	exit(code);
}

static _Noreturn void fail(int code, const char *what, const char *arg, int err)
{
	fail_with(code, what, arg, strerror(err));
}

/* Leaves as the command left: its exit status, or death by its signal. */
static _Noreturn void exit_like(int status)
{
	fflush(NULL);
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	int sig = WTERMSIG(status);
	/* Our core file would only hide the command's. */
	setrlimit(RLIMIT_CORE, &(struct rlimit) { 0, 0 });
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	exit(128 + sig);
}

/*
 * The trace could not be written (its message said why when it happened):
 * the command ran on, as under strace, but the caller must learn that the
 * trace is incomplete, and from this line what the command's status was.
 */
static _Noreturn void exit_trace_lost(int status)
{
	fflush(NULL);
	if (status < 0)
		fprintf(stderr, "epolltrace: the trace is incomplete\n");
	else if (WIFEXITED(status))
		fprintf(stderr, "epolltrace: the trace is incomplete; the command exited with %d\n",
			WEXITSTATUS(status));
	else
		fprintf(stderr, "epolltrace: the trace is incomplete; the command was killed by %s\n",
			signal_name(WTERMSIG(status)));
	exit(EXIT_TRACE_LOST);
}

static const char *start_failure(enum engine_start_result r)
{
	switch (r) {
	case START_FILTER_FAILED: return "cannot install the seccomp filter in";
	case START_FORK_FAILED: return "cannot fork to run";
	case START_TRACE_FAILED: return "cannot trace";
	default: return "cannot run";
	}
}

static _Noreturn void run_command(struct session *s, struct engine *e, char **command)
{
	char *path = command_path(command[0]);
	if (!path && errno == ENOENT && !strchr(command[0], '/'))
		fail_with(EXIT_NOT_FOUND, "cannot run", command[0], "command not found in PATH");
	if (!path)
		fail(errno == EACCES ? EXIT_NOT_EXECUTABLE : EXIT_NOT_FOUND,
		     "cannot run", command[0], errno);
	int err = 0;
	enum engine_start_result r = engine_start(e, path, command, &err);
	if (r != START_OK) {
		int code = r == START_EXEC_FAILED
			? (err == ENOENT ? EXIT_NOT_FOUND : EXIT_NOT_EXECUTABLE)
			: r == START_TRACE_FAILED && err == EPERM ? EXIT_NO_PERMISSION : EXIT_OS;
		fail(code, start_failure(r), command[0], err);
	}
	if (s->top) {
		pid_t pid = engine_command_pid(e);
		top_start(s->top, &pid, 1);
	}
	int status = engine_run(e);
	session_finish(s);
	if (status < 0)
		fail(EXIT_INTERNAL, "lost the exit status of", command[0], ECHILD);
	engine_free(e);
	session_free(s);
	free(path);
	if (s->out.printer.broken)
		exit_trace_lost(status);
	exit_like(status);
}

static void announce_attached(struct session *s, pid_t pid, size_t nthreads)
{
	if (s->opts->quiet & QUIET_ATTACH)
		return;
	/* ptrace's notice is strace's; the other backend says it runs. */
	const char *how = s->opts->backend == BACKEND_BPF ? " (eBPF backend)" : "";
	if (nthreads > 1)
		printer_notice(&s->out.printer, "Process %d attached with %zu threads%s",
			       (int) pid, nthreads, how);
	else
		printer_notice(&s->out.printer, "Process %d attached%s", (int) pid, how);
}

/* Adds one more problem: the first one's exit code is epolltrace's. */
static void note_problem(int *first_problem, int code)
{
	if (code && !*first_problem)
		*first_problem = code;
}

/*
 * Attaches to pid's process, found and checked; 0, or why not (said, but
 * for a descendant that ended meanwhile: EXIT_NO_TARGET).
 */
static int attach_pid(struct session *s, struct engine *e, pid_t pid, struct pid_list *attached,
		      bool descendant)
{
	size_t nthreads;
	int err;
	if (engine_attach(e, pid, &nthreads, &err) < 0) {
		/* A zombie cannot be seized (EPERM). */
		if (descendant && (err == ESRCH || attach_target_ended(pid)))
			return EXIT_NO_TARGET;
		return attach_target_explain_failure(pid, err);
	}
	pid_list_add(attached, pid);
	announce_attached(s, pid, nthreads);
	return 0;
}

/*
 * --children: every descendant of pid that /proc lists once pid is
 * traced; those it forks from then on are followed anyway.  One that
 * exits meanwhile is no problem, and is not spoken of; nor is epolltrace
 * itself, a descendant when pid is the shell that started it.
 */
static int attach_descendants(struct session *s, struct engine *e, pid_t pid,
			      struct pid_list *attached)
{
	pid_t *descendants;
	size_t n = proc_descendants(pid, &descendants);
	int first_problem = 0;
	for (size_t i = 0; i < n; i++) {
		struct proc_status st;
		pid_t d = descendants[i];
		if (!proc_status_read(d, &st) || st.tgid == getpid() || st.tracer == getpid() ||
		    pid_list_contains(attached, d))
			continue;
		pid_t process;
		int code = attach_target_check_descendant(d, &process);
		if (code == 0)
			code = attach_pid(s, e, process, attached, true);
		if (code != EXIT_NO_TARGET)
			note_problem(&first_problem, code);
	}
	free(descendants);
	return first_problem;
}

/* After pid's attach: --children's, or a word on where the epoll instances are. */
static int look_below(struct session *s, struct engine *e, const struct options *o, pid_t pid,
		      struct pid_list *attached)
{
	if (o->attach_children)
		return attach_descendants(s, e, pid, attached);
	if (!(o->quiet & QUIET_ATTACH))
		epoll_holders_note(&s->out.printer, pid);
	return 0;
}

/*
 * Attaches to every process -p names, skipping (with a message) those
 * that cannot be traced.  Returns the exit code of the first problem, or
 * 0; *attached lists the processes traced.
 */
static int attach_processes(struct session *s, struct engine *e, const struct options *o,
			    struct pid_list *attached)
{
	int first_problem = 0;
	for (size_t i = 0; i < o->npid_lists; i++) {
		char *list = strdup(o->pid_lists[i]);
		if (!list)
			abort();
		char *save = NULL;
		char *item = strtok_r(list, ",", &save);
		if (!item) {
			fprintf(stderr, "epolltrace: -p '%s' names no process: give a PID, as in -p 1234\n",
				o->pid_lists[i]);
			note_problem(&first_problem, EXIT_USAGE);
		}
		for (; item; item = strtok_r(NULL, ",", &save)) {
			pid_t pid;
			int code = attach_target_check(item, &pid);
			if (code == 0 && pid_list_contains(attached, pid))
				continue;
			if (code == 0)
				code = attach_pid(s, e, pid, attached, false);
			if (code == 0)
				code = look_below(s, e, o, pid, attached);
			note_problem(&first_problem, code);
		}
		free(list);
	}
	return first_problem;
}

/*
 * Once, after the attach notices: an SRE must not forget a server slowed
 * down, nor miss the backend that would not slow it (not offered where
 * --backend=auto found it could not run).
 */
static void announce_cost(struct session *s, const struct options *o)
{
	if ((o->quiet & QUIET_ATTACH) || o->backend == BACKEND_BPF)
		return;
	char bound[32] = "SEC";
	if (o->duration_ms)
		snprintf(bound, sizeof(bound), "%g", o->duration_ms / 1000.0);
	printer_notice(&s->out.printer, "under ptrace every system call of a traced process stops, "
		       "slowing it down until epolltrace detaches (Ctrl-C, or --duration=%s)%s", bound,
		       o->backend_auto || engine_bpf_unavailable() ? ""
		       : "; --backend=bpf does not stop it");
}

static _Noreturn void trace_processes(struct session *s, struct engine *e, const struct options *o)
{
	struct pid_list attached = { 0 };
	int problem = attach_processes(s, e, o, &attached);
	if (attached.count == 0)
		exit(problem ? problem : EXIT_USAGE);
	announce_cost(s, o);
	/* strace's rule: several processes named, every line says whose it is. */
	if (attached.count > 1 && s->out.printer.prefix == PREFIX_PLAIN_SEVERAL)
		s->out.printer.prefix = PREFIX_PLAIN;
	for (size_t i = 0; i < attached.count; i++)
		session_print_interest_lists(s, attached.pids[i]);
	if (s->top)
		top_start(s->top, attached.pids, attached.count);
	engine_run(e);
	session_finish(s);
	engine_free(e);
	session_free(s);
	pid_list_free(&attached);
	if (s->out.printer.broken)
		exit_trace_lost(-1);
	exit(problem);
}

/*
 * EPOLLTRACE_BPF_RING: the eBPF backend's ring buffer in bytes, rounded
 * up to a power of two of at least a page, to size it for a workload (and
 * to make the tests lose records); 0 when unset.
 */
static size_t bpf_ring_bytes(void)
{
	const char *v = getenv("EPOLLTRACE_BPF_RING");
	if (!v || !*v)
		return 0;
	char *end;
	unsigned long long want = strtoull(v, &end, 10);
	if (*end || want > (1ull << 30)) {
		fprintf(stderr, "epolltrace: invalid EPOLLTRACE_BPF_RING '%s': give bytes, at most 1073741824\n", v);
		exit(EXIT_USAGE);
	}
	size_t bytes = (size_t) sysconf(_SC_PAGESIZE);
	while (bytes < want)
		bytes *= 2;
	return bytes;
}

/*
 * --backend=auto takes eBPF for -p where it can run, ptrace otherwise and
 * for commands; --backend=bpf where it cannot is refused.
 */
static void choose_backend(struct options *o)
{
	if (o->backend_auto) {
		const char *why = o->stack_traces ? "-k needs ptrace"
				: o->injecting ? "-e inject= needs ptrace"
				: engine_bpf_unavailable();
		if (!o->command && !why)
			o->backend = BACKEND_BPF;
		else if (!o->command)
			fprintf(stderr, "epolltrace: --backend=auto: using ptrace, since eBPF cannot run: %s\n",
				why);
		return;
	}
	if (o->backend != BACKEND_BPF)
		return;
	const char *why = engine_bpf_unavailable();
	if (why) {
		fprintf(stderr, "epolltrace: --backend=bpf: %s; use --backend=ptrace\n", why);
		exit(EXIT_NO_BPF);
	}
}

int main(int argc, char **argv)
{
	struct options opts;
	options_parse(&opts, argc, argv);
	choose_backend(&opts);

	/* -ff -o FILE: the tasks' lines go to FILE.TID, and only epolltrace's own to stderr. */
	FILE *out = output_open(opts.follow_forks >= 2 ? NULL : opts.outfile);
	if (!out)
		fail(EXIT_OUTPUT, "cannot open output", opts.outfile, errno);

	struct session session;
	session_init(&session, &opts, out);

	struct trap_rules rules = { .count = 0 };
	/*
	 * The model must see every epoll call, printed or not: --fd and -c
	 * map returned events to fds through the registrations it keeps.
	 */
	trap_rules_add_syscalls(&rules, opts.traced, opts.model.diagnose || opts.dump ||
				opts.filter.fds.count || opts.summary != SUMMARY_NONE);
	model_feed_trap_rules(&rules, &opts);
	struct engine_config cfg = {
		.rules = rules.rules,
		.nrules = rules.count,
		.spin_usec = opts.spin_usec,
		.backend = opts.backend,
		.bpf_ring_bytes = bpf_ring_bytes(),
	};
	tracer_signals_watch(&cfg.watched_signals, session.attaching);
	if (session.top)
		top_watch_signals(&cfg.watched_signals);
	struct engine_hooks hooks = session_hooks(&session);
	int err = 0;
	struct engine *engine = engine_new(&cfg, &hooks, &err);
	const char *refused = engine ? NULL : engine_bpf_refused(err);
	/* Nothing was attached yet: --backend=auto may still take ptrace. */
	if (!engine && opts.backend == BACKEND_BPF && opts.backend_auto) {
		fprintf(stderr, "epolltrace: --backend=auto: using ptrace, since the kernel refused"
			" the eBPF program: %s\n", refused ? refused : strerror(err));
		opts.backend = cfg.backend = BACKEND_PTRACE;
		engine = engine_new(&cfg, &hooks, &err);
	}
	if (!engine && opts.backend == BACKEND_BPF && refused) {
		fprintf(stderr, "epolltrace: --backend=bpf: the kernel refused the eBPF program: %s;"
			" use --backend=ptrace\n", refused);
		exit(EXIT_NO_BPF);
	}
	if (!engine && opts.backend == BACKEND_BPF)
		fail(EXIT_NO_BPF, "--backend=bpf: cannot load the eBPF program", NULL, err);
	if (!engine)
		fail(EXIT_OS, "cannot set up the tracer", NULL, err);
	session.engine = engine;
	if (!session_start_clock(&session))
		fail(EXIT_OS, "cannot set up the timer of --duration and --diagnose", NULL, errno);

	if (session.attaching)
		trace_processes(&session, engine, &opts);
	run_command(&session, engine, opts.command);
}
