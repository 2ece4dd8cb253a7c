#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "cli/colour.h"
#include "cli/interest_header.h"
#include "cli/session.h"
#include "cli/tracer_signals.h"
#include "decode/call_filter.h"
#include "decode/signals.h"
#include "decode/siginfo.h"
#include "model/escape.h"
#include "model/proc_tgid.h"
#include "stack/stack_trace.h"

/* What the session remembers of one task between its stops. */
struct tracee_state {
	struct syscall_call call;
	bool in_call;
	/*
	 * The call's line is kept here and printed whole at exit, or not at
	 * all: -z, -Z, and filters only its result can decide (at_exit).
	 */
	bool deferred;
	bool judged_at_exit;
	struct strbuf pending;
	struct timespec entry_time;	/* for -T, -c, -C */
	pid_t tgid;			/* for -c, -C: 0 until read */
	/* The entry printed everything but the return value. */
	bool decoded_at_entry;
	/* strace starts the next call's exit on a line of its own after an exec took over the pid. */
	bool reprint;
	const struct abi *abi;
	struct task_stack *stack;	/* -k: the call's stack, taken at its entry */
	struct fd_names fd_names;	/* -y: names this task's fds */
};

static struct tracee_state *state_of(struct session *s, struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (st)
		return st;
	st = calloc(1, sizeof(*st));
	if (!st)
		abort();
	st->abi = s->last_abi;
	task_set_user(t, st);
	return st;
}

static void drop_state(struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (!st)
		return;
	sb_free(&st->pending);
	task_stack_free(st->stack);
	free(st);
	task_set_user(t, NULL);
}

static void on_attached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	state_of(s, t);
	if (s->opts->quiet < 1)
		printer_notice(&s->printer, "Process %d attached", (int) task_tid(t));
}

static void start_line(struct session *s, struct task *t)
{
	printer_start(&s->printer, task_user(t), task_tid(t), engine_ntasks(s->engine) > 1);
}

static bool read_tracee(void *ctx, uint64_t addr, void *buf, size_t len)
{
	return task_read_mem(ctx, addr, buf, len);
}

/* Read afresh at every use, as strace does: a number may name another file by now. */
static bool name_tracee_fd(void *ctx, int fd, struct strbuf *out)
{
	char path[64], target[PATH_MAX];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int) task_tid(ctx), fd);
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	print_escaped(out, target);
	return true;
}

static void note_personality(struct session *s, struct task *t, struct tracee_state *st,
			     const struct abi *abi)
{
	if (st->abi == abi)
		return;
	st->abi = abi;
	s->last_abi = abi;
	if (s->opts->quiet >= 1)
		return;
	start_line(s, t);
	sb_printf(printer_text(&s->printer), "[ Process PID=%d runs in %s mode. ]",
		  (int) task_tid(t), abi_mode_name(abi));
	printer_end(&s->printer);
}

static const struct syscall_desc *traced_desc(const struct session *s, const char *name)
{
	for (size_t i = 0; i < nsyscall_descs; i++)
		if (s->opts->traced[i] && strcmp(syscall_descs[i]->name, name) == 0)
			return syscall_descs[i];
	return NULL;
}

/* -T shows each call's time, and the summary adds them up. */
static bool times_calls(const struct session *s)
{
	return s->opts->syscall_times || s->opts->summary != SUMMARY_NONE;
}

static bool on_entry(void *ctx, struct task *t, const struct syscall_stop *stop)
{
	struct session *s = ctx;
	const struct abi *abi = abi_by_audit_arch(stop->arch);
	const char *name = abi ? abi_syscall_name(abi, stop->nr) : NULL;
	const struct syscall_desc *desc = name ? traced_desc(s, name) : NULL;
	if (!desc)
		return false;

	struct tracee_state *st = state_of(s, t);
	struct syscall_call *call = &st->call;
	*call = (struct syscall_call) {
		.abi = abi,
		.desc = desc,
		.mem = { read_tracee, t },
		.opts = &s->decode_opts,
	};
	if (s->opts->fd_names) {
		st->fd_names = (struct fd_names) { name_tracee_fd, t };
		call->fd_names = &st->fd_names;
	}
	uint64_t word_mask = abi->word_size == 8 ? UINT64_MAX : UINT32_MAX;
	for (int i = 0; i < 6; i++)
		call->args[i] = stop->args[i] & word_mask;
	if (!syscall_call_wanted(call))
		return false;
	enum filter_verdict verdict = call_filter_at_entry(&s->opts->filter, call);
	if (verdict == FILTER_HIDE)
		return false;

	note_personality(s, t, st, abi);
	if (times_calls(s))
		clock_gettime(CLOCK_MONOTONIC, &st->entry_time);
	st->judged_at_exit = verdict == FILTER_AT_EXIT;
	/* -c prints no line: one held until exit is simply never printed. */
	st->deferred = st->judged_at_exit || s->opts->outcome != OUTCOME_ANY ||
		       s->opts->summary == SUMMARY_ONLY;
	struct strbuf *out = &st->pending;
	if (st->deferred) {
		sb_reset(out);
	} else {
		start_line(s, t);
		out = printer_text(&s->printer);
	}
	sb_printf(out, "%s(", desc->name);
	st->decoded_at_entry = desc->entry(out, call);
	/* Now, while the task is stopped; printed after the line at exit. */
	if (s->stacks)
		stack_trace_capture(s->stacks, &st->stack, t, abi);
	st->in_call = true;
	return true;
}

/* A line another task cut is picked up again as strace does. */
static void resume_line(struct session *s, struct task *t, struct tracee_state *st)
{
	if (printer_is_open_for(&s->printer, st) && !st->reprint)
		return;
	st->reprint = false;
	start_line(s, t);
	sb_printf(printer_text(&s->printer), "<... %s resumed>", st->call.desc->name);
}

/* -z and -Z, and the filters that need the result, decide at exit. */
static bool deferred_line_wanted(const struct session *s, const struct tracee_state *st)
{
	const struct syscall_call *call = &st->call;
	if (s->opts->outcome == OUTCOME_SUCCESS && call->is_error)
		return false;
	if (s->opts->outcome == OUTCOME_FAILURE && !call->is_error)
		return false;
	return !st->judged_at_exit || call_filter_at_exit(&s->opts->filter, call);
}

/* The time from the call's entry stop until now: for a wait, how long it blocked. */
static int64_t call_ns(const struct tracee_state *st)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) (now.tv_sec - st->entry_time.tv_sec) * 1000000000 +
	       (now.tv_nsec - st->entry_time.tv_nsec);
}

/* -T: " <0.000123>", the time the call took. */
static void print_call_time(struct strbuf *out, int64_t ns)
{
	sb_printf(out, " <%" PRId64 ".%06" PRId64 ">", ns / 1000000000, ns % 1000000000 / 1000);
}

/* -c, -C: each call the trace shows (or would, but for -c) is counted. */
static void count_call(struct session *s, struct task *t, struct tracee_state *st, int64_t ns)
{
	if (s->opts->summary == SUMMARY_NONE)
		return;
	if (!st->tgid)
		st->tgid = proc_tgid(task_tid(t));
	uint64_t took = ns > 0 ? (uint64_t) ns : 0;
	summary_add(&s->summary, &st->call, took);
	epoll_stats_add(&s->epoll_stats, st->tgid, &st->call, took);
}

static void on_exit_stop(void *ctx, struct task *t, const struct syscall_stop *stop)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (!st || !st->in_call)
		return;
	st->in_call = false;
	struct syscall_call *call = &st->call;
	call->rval = stop->rval;
	call->is_error = stop->is_error;
	call->mem.ctx = t;
	st->fd_names.ctx = t;
	int64_t ns = times_calls(s) ? call_ns(st) : 0;

	if (st->deferred && !deferred_line_wanted(s, st))
		return;
	count_call(s, t, st, ns);
	if (s->opts->summary == SUMMARY_ONLY)
		return;
	if (st->deferred) {
		start_line(s, t);
		sb_puts(printer_text(&s->printer), sb_str(&st->pending));
	} else {
		resume_line(s, t, st);
	}
	struct strbuf *out = printer_text(&s->printer);
	if (call->desc->exit)
		call->desc->exit(out, call);
	sb_puts(out, ") ");
	printer_tab(&s->printer);
	colour_start(out, s->colour && call->is_error, COLOUR_ERROR);
	decode_retval(out, call);
	colour_end(out, s->colour && call->is_error);
	if (s->opts->syscall_times)
		print_call_time(out, ns);
	printer_end(&s->printer);
	if (s->stacks)
		printer_lines(&s->printer, stack_trace_text(st->stack));
}

static void on_signal(void *ctx, struct task *t, const siginfo_t *si)
{
	struct session *s = ctx;
	state_of(s, t);
	start_line(s, t);
	struct strbuf *out = printer_text(&s->printer);
	colour_start(out, s->colour, COLOUR_SIGNAL);
	sb_printf(out, "--- %s ", signal_name(si->si_signo));
	decode_siginfo(out, si);
	sb_puts(out, " ---");
	colour_end(out, s->colour);
	printer_end(&s->printer);
}

static void on_group_stop(void *ctx, struct task *t, int sig)
{
	struct session *s = ctx;
	state_of(s, t);
	start_line(s, t);
	struct strbuf *out = printer_text(&s->printer);
	colour_start(out, s->colour, COLOUR_SIGNAL);
	sb_printf(out, "--- stopped by %s ---", signal_name(sig));
	colour_end(out, s->colour);
	printer_end(&s->printer);
	printer_flush(&s->printer);
	tracer_signals_follow_stop(sig);
}

/* A task that dies inside a call never reaches its exit stop. */
static void finish_interrupted_call(struct session *s, struct task *t, struct tracee_state *st)
{
	if (!st->in_call)
		return;
	st->in_call = false;
	/* A held line never had a result to be judged by. */
	if (st->deferred)
		return;
	resume_line(s, t, st);
	struct strbuf *out = printer_text(&s->printer);
	if (!st->decoded_at_entry)
		sb_puts(out, " <unfinished ...>");
	sb_puts(out, ") ");
	printer_tab(&s->printer);
	sb_puts(out, "= ?");
	printer_end(&s->printer);
}

static void on_exited(void *ctx, struct task *t, int status)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	finish_interrupted_call(s, t, st);
	if (s->opts->quiet < 2) {
		start_line(s, t);
		struct strbuf *out = printer_text(&s->printer);
		colour_start(out, s->colour, COLOUR_EXIT);
		if (WIFEXITED(status))
			sb_printf(out, "+++ exited with %d +++", WEXITSTATUS(status));
		else
			sb_printf(out, "+++ killed by %s%s +++", signal_name(WTERMSIG(status)),
				  WCOREDUMP(status) ? " (core dumped)" : "");
		colour_end(out, s->colour);
		printer_end(&s->printer);
	}
	if (printer_is_open_for(&s->printer, st))
		printer_cut(&s->printer);
	drop_state(t);
}

static void on_superseded(void *ctx, struct task *leader, struct task *exec_thread,
			  pid_t former_tid)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, leader);
	finish_interrupted_call(s, leader, st);
	state_of(s, exec_thread)->reprint = true;
	if (s->opts->quiet < 3) {
		start_line(s, leader);
		sb_printf(printer_text(&s->printer), "+++ superseded by execve in pid %d +++",
			  (int) former_tid);
		printer_end(&s->printer);
	}
	if (printer_is_open_for(&s->printer, st))
		printer_cut(&s->printer);
	drop_state(leader);
}

/* A new program: what -k knew of the task's code and mappings is void. */
static void on_exec(void *ctx, struct task *t)
{
	(void) ctx;
	struct tracee_state *st = task_user(t);
	if (st)
		task_stack_forget(st->stack);
}

static void on_detached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (st && st->in_call && !st->deferred) {
		resume_line(s, t, st);
		sb_puts(printer_text(&s->printer), " <detached ...>");
		printer_end(&s->printer);
	}
	if (s->opts->quiet < 1)
		printer_notice(&s->printer, "Process %d detached", (int) task_tid(t));
	drop_state(t);
}

static void on_idle(void *ctx)
{
	struct session *s = ctx;
	printer_flush(&s->printer);
	/* Nobody reads the trace any more: let the processes go. */
	if (s->printer.broken && s->attaching)
		engine_detach_all(s->engine);
}

static void on_signal_received(void *ctx, int sig)
{
	struct session *s = ctx;
	tracer_signals_handle(s->engine, sig, s->attaching);
}

void session_init(struct session *s, const struct options *opts, FILE *out)
{
	s->opts = opts;
	s->decode_opts = (struct decode_opts) {
		.max_elems = opts->max_elems,
		.verbose = opts->verbose,
	};
	printer_init(&s->printer, out, opts->outfile ? PREFIX_PLAIN : PREFIX_BRACKETED,
		     opts->acolumn);
	s->colour = colour_wanted(opts->colour, out);
	s->printer.timestamps.absolute = opts->timestamps;
	s->printer.timestamps.relative = opts->relative_timestamps;
	s->engine = NULL;
	s->attaching = opts->command == NULL;
	s->last_abi = &abi_x86_64;
	s->summary = (struct summary) { 0 };
	s->epoll_stats = (struct epoll_stats) { 0 };
	/* -c: the trace stays quiet until session_finish prints the summary. */
	s->printer.mute = opts->summary == SUMMARY_ONLY;
	s->stacks = opts->stack_traces ? stack_tracer_new() : NULL;
}

void session_print_interest_lists(struct session *s, pid_t pid)
{
	struct strbuf text = STRBUF_INIT;
	interest_header_print(&text, pid);
	printer_lines(&s->printer, sb_str(&text));
	sb_free(&text);
}

void session_finish(struct session *s)
{
	if (s->opts->summary == SUMMARY_NONE)
		return;
	struct strbuf text = STRBUF_INIT;
	summary_print(&text, &s->summary, s->opts->sort_by);
	epoll_stats_print(&text, &s->epoll_stats);
	s->printer.mute = false;
	printer_lines(&s->printer, sb_str(&text));
	printer_flush(&s->printer);
	sb_free(&text);
}

void session_free(struct session *s)
{
	printer_free(&s->printer);
	summary_free(&s->summary);
	epoll_stats_free(&s->epoll_stats);
	stack_tracer_free(s->stacks);
}

struct engine_hooks session_hooks(struct session *s)
{
	return (struct engine_hooks) {
		.ctx = s,
		.attached = on_attached,
		.syscall_entry = on_entry,
		.syscall_exit = on_exit_stop,
		.signal = on_signal,
		.group_stop = on_group_stop,
		.exited = on_exited,
		.superseded = on_superseded,
		.exec = on_exec,
		.detached = on_detached,
		.idle = on_idle,
		.signal_received = on_signal_received,
	};
}
