/* The life of each traced task as its lines tell it; its calls are in call_lines.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/away_stacks.h"
#include "app/call_lines.h"
#include "app/session.h"
#include "app/task_files.h"
#include "app/top_session.h"
#include "app/tracee.h"
#include "app/tracer_signals.h"
#include "model/diag_kinds.h"
#include "util/clock.h"

static void on_attached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	/* Now, while /proc says it: its exit must be told to the model and to --json. */
	tracee_tgid(t, st);
	if (!(s->opts->quiet & QUIET_ATTACH))
		printer_notice(&s->out.printer, "Process %d attached", (int) task_tid(t));
}

static void on_clone3_failed(void *ctx, struct task *t)
{
	struct session *s = ctx;
	printer_notice(&s->out.printer,
		       "%d: clone3's arguments could not be copied without CLONE_UNTRACED, so it"
		       " failed with ENOSYS, for the program to fall back to clone, whose child stays traced",
		       (int) task_tid(t));
}

static void on_signal(void *ctx, struct task *t, const siginfo_t *si)
{
	struct session *s = ctx;
	/* -e signal= */
	if (si->si_signo >= 1 && si->si_signo <= 64 &&
	    !(s->opts->signals & UINT64_C(1) << (si->si_signo - 1)))
		return;
	struct task_ref ref = tracee_ref(s, t, state_of(s, t));
	struct trace_output *out = output_of(s, t);
	out->ops->signal(out, &ref, si);
}

static void on_group_stop(void *ctx, struct task *t, int sig)
{
	struct session *s = ctx;
	struct task_ref ref = tracee_ref(s, t, state_of(s, t));
	struct trace_output *out = output_of(s, t);
	out->ops->stopped(out, &ref, sig);
	printer_flush(&out->printer);
	tracer_signals_follow_stop(sig);
}

/* --dump, SIGUSR1: the model's interest lists, of one process or (0) all. */
static void session_dump_process(struct session *s, pid_t tgid)
{
	model_dump(s->model, tgid);
	printer_flush(&s->out.printer);
}

/*
 * The model forgets a thread, and with its leader the process (a tid is
 * some process's tgid only when it is its leader's, so no /proc is needed).
 */
static void model_forget(struct session *s, struct task *t)
{
	pid_t tid = task_tid(t);
	model_thread_gone(s->model, tid);
	/* --dump: what the process left registered, before the model lets it go. */
	if (s->opts->dump)
		session_dump_process(s, tid);
	model_process_gone(s->model, tid);
	fd_name_cache_forget_process(&s->fd_name_cache, tid);
}

static void tell_exit(struct session *s, struct task *t, struct tracee_state *st, int status)
{
	call_abandon(s, t, st);
	struct trace_output *out = output_of(s, t);
	if (!(s->opts->quiet & QUIET_EXIT)) {
		struct task_ref ref = tracee_ref(s, t, st);
		out->ops->exited(out, &ref, status);
	}
	if (printer_is_open_for(&out->printer, st))
		printer_cut(&out->printer);
	st->exit_told = true;
}

/*
 * A thread other than the leader is told of where it ends, with its own
 * status; the leader, whose status is its process's, when it is reaped.
 */
static void on_exiting(void *ctx, struct task *t, int status)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	if (tracee_tgid(t, st) != task_tid(t))
		tell_exit(s, t, st, status);
	else if (s->opts->dump)
		model_process_exiting(s->model, task_tid(t));
}

static void on_exited(void *ctx, struct task *t, int status)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	if (!st->exit_told)
		tell_exit(s, t, st, status);
	model_forget(s, t);
	/* The leader's end is its process's; another thread's scans nothing. */
	if (tracee_tgid(t, st) == task_tid(t))
		epoll_stats_process_ended(&s->epoll_stats, task_tid(t));
	tracee_drop(t);
}

static void on_superseded(void *ctx, struct task *leader, struct task *exec_thread,
			  pid_t former_tid)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, leader);
	call_abandon(s, leader, st);
	model_thread_gone(s->model, task_tid(leader));
	/* The exec thread lives on under the leader's tid. */
	model_thread_gone(s->model, former_tid);
	state_of(s, exec_thread)->line.reprint = true;
	struct trace_output *out = output_of(s, leader);
	if (!(s->opts->quiet & QUIET_THREAD_EXECVE)) {
		struct task_ref ref = tracee_ref(s, leader, st);
		out->ops->superseded(out, &ref, former_tid);
	}
	if (printer_is_open_for(&out->printer, st))
		printer_cut(&out->printer);
	tracee_drop(leader);
}

/* A new program: what -k knew of the task's code and mappings is void, and O_CLOEXEC fds are gone. */
static void on_exec(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (st)
		task_stack_forget(st->line.stack);
	model_exec(s->model, task_tid(t));
	fd_name_cache_forget_process(&s->fd_name_cache, task_tid(t));
}

static void on_detached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (st)
		call_detach(s, t, st);
	if (s->top)
		top_detached(s->top, st ? tracee_tgid(t, st) : task_tid(t));
	if (!(s->opts->quiet & QUIET_ATTACH))
		printer_notice(&s->out.printer, "Process %d detached", (int) task_tid(t));
	tracee_drop(t);
	s->detached_one = true;
}

/*
 * --dump at a detach, taken while every thread stands still: once let go,
 * the program changes its lists untraced, and a dump after would race it.
 */
static void on_detach_pause(void *ctx)
{
	struct session *s = ctx;
	session_dump_process(s, 0);
	s->dumped_at_detach = true;
}

static void on_idle(void *ctx)
{
	struct session *s = ctx;
	model_catch_up(s->model);
	printer_flush(&s->out.printer);
	task_outputs_flush(s);
	/* Nobody reads the trace any more: let the processes go. */
	if (s->out.printer.broken && s->attaching)
		engine_detach_all(s->engine);
}

static void on_signal_received(void *ctx, int sig)
{
	struct session *s = ctx;
	if (s->top && top_signal(s->top, sig))
		return;
	if (sig == DUMP_SIGNAL)
		session_dump_process(s, 0);
	else
		tracer_signals_handle(s->engine, sig, s->attaching);
}

bool session_start_clock(struct session *s)
{
	unsigned int every = s->opts->duration_ms;
	if (s->opts->duration_ms)
		s->detach_at_usec = monotonic_usec() + (uint64_t) s->opts->duration_ms * 1000;
	/* A loop away from its wait is looked at four times in its threshold. */
	if (s->opts->model.diagnose) {
		unsigned int quarter = s->opts->model.blocked_ms / 4 ? s->opts->model.blocked_ms / 4 : 1;
		every = every && every < quarter ? every : quarter;
	}
	return engine_set_tick(s->engine, every);
}

static void on_tick(void *ctx)
{
	struct session *s = ctx;
	model_tick(s->model);
	printer_flush(&s->out.printer);
	if (!s->detach_at_usec || monotonic_usec() < s->detach_at_usec)
		return;
	s->detach_at_usec = 0;
	if (!(s->opts->quiet & QUIET_ATTACH))
		printer_notice(&s->out.printer, "--duration=%g has passed: detaching",
			       s->opts->duration_ms / 1000.0);
	engine_detach_all(s->engine);
}

/* Said at once, on the trace's side of stderr, and again in -c's summary. */
static void on_calls_lost(void *ctx, uint64_t n, enum engine_loss why)
{
	struct session *s = ctx;
	s->calls_lost[why] += n;
	printer_notice(&s->out.printer, "%llu calls lost (%s)", (unsigned long long) n,
		       loss_reasons[why]);
}

static void on_events_lost(void *ctx, uint64_t n)
{
	struct session *s = ctx;
	printer_notice(&s->out.printer, "%llu signals or task events lost (ring buffer full)",
		       (unsigned long long) n);
}

static void on_children_untraced(void *ctx, uint64_t n)
{
	struct session *s = ctx;
	s->children_untraced += n;
	printer_notice(&s->out.printer, "%llu processes untraced, their calls lost"
		       " (table of %d traced processes full)", (unsigned long long) n,
		       ENGINE_BPF_MAX_PROCESSES);
}

/* The model learns its lists again once the reader has caught up (on_idle). */
static void on_records_lost(void *ctx, pid_t tgid)
{
	struct session *s = ctx;
	if (model_calls_lost(s->model, tgid) && (s->opts->model.diagnose || s->opts->dump))
		printer_notice(&s->out.printer,
			       "pid %d: the model missed its lost calls, so its interest lists are read"
			       " again from /proc, and its diagnostics resume from there",
			       (int) tgid);
}

static void on_exit_lost(void *ctx, struct task *t)
{
	struct session *s = ctx;
	call_abandon(s, t, state_of(s, t));
}

static void on_input(void *ctx)
{
	struct session *s = ctx;
	if (s->top)
		top_input(s->top);
}

/* strace prefixes the lines of a file with the pid under -f only, and never under -ff. */
static enum pid_prefix pid_prefix_of(const struct options *opts)
{
	if (!opts->outfile)
		return PREFIX_BRACKETED;
	if (opts->follow_forks >= 2)
		return PREFIX_NONE;
	return opts->follow_forks ? PREFIX_PLAIN : PREFIX_PLAIN_SEVERAL;
}

void session_init(struct session *s, const struct options *opts, FILE *out)
{
	s->opts = opts;
	s->decode_opts = (struct decode_opts) {
		.max_elems = opts->max_elems,
		.verbose = opts->verbose,
		.const_style = opts->const_style,
	};
	/* The one place the format is chosen. */
	s->out.ops = opts->json ? &json_output_ops : &text_output_ops;
	printer_init(&s->out.printer, out, pid_prefix_of(opts), opts->acolumn);
	/* -ff: FILE itself is never written (task_files.c names FILE.TID). */
	s->out.printer.name = opts->follow_forks >= 2 ? NULL : opts->outfile;
	/* Colour is for eyes on a terminal; JSON, for programs, has none to show. */
	s->out.colour = colour_wanted(opts->colour, out);
	s->out.call_times = opts->syscall_times;
	s->out.stacks = opts->stack_traces;
	s->out.warning_stack = NULL;
	s->out.const_style = opts->const_style;
	s->out.printer.timestamps.absolute = opts->timestamps;
	s->out.printer.timestamps.relative = opts->relative_timestamps;
	s->engine = NULL;
	s->attaching = opts->command == NULL;
	s->last_abi = &abi_x86_64;
	s->summary = (struct summary) { 0 };
	s->epoll_stats = (struct epoll_stats) { 0 };
	/* -c: the trace stays quiet until session_finish prints the summary. */
	s->out.printer.mute = opts->summary == SUMMARY_ONLY;
	s->stacks = opts->stack_traces ? stack_tracer_new() : NULL;
	/* Under -p every call stops; --diagnose traps the ends of fds. */
	s->model_sees_closes = s->attaching || opts->model.diagnose;
	s->names_kept = (opts->fd_names || opts->event_fds) && !opts->fd_details &&
			s->model_sees_closes;
	struct model_config model_cfg = opts->model;
	model_cfg.sees_closes = s->model_sees_closes;
	struct model_output model_out = s->out.ops->model_output(&s->out);
	s->top = opts->top.on ? top_new(s, &model_out) : NULL;
	s->feeding_stack = NULL;
	s->away_stack = NULL;
	if (s->stacks && opts->model.diagnose)
		model_out = away_stacks_output(s, &model_out);
	s->model = model_new(&model_cfg, &model_out, &model_env_live);
	s->wait_events = (struct wait_events) { 0 };
	s->fd_name_cache = (struct fd_name_cache) { 0 };
	s->last_read = (struct read_cache) { 0 };
	memset(s->calls_lost, 0, sizeof(s->calls_lost));
	s->children_untraced = 0;
	s->task_outputs = NULL;
	s->ntask_outputs = s->task_outputs_cap = 0;
	s->detached_one = false;
	s->detach_at_usec = 0;
	s->dumped_at_detach = false;
}

void session_print_interest_lists(struct session *s, pid_t pid)
{
	s->out.ops->interest_lists(&s->out, pid);
	model_load_process(s->model, pid);
}

void session_finish(struct session *s)
{
	/* Before anything is printed on the terminal the view had. */
	if (s->top)
		top_close(s->top);
	model_finish(s->model);
	if (s->opts->dump && !s->dumped_at_detach)
		session_dump_process(s, 0);
	struct model_kind_count kinds[DIAG_NKINDS];
	if (s->opts->model.diagnose)
		model_kind_counts(s->model, kinds);
	struct run_summary r = {
		.calls = s->opts->summary != SUMMARY_NONE ? &s->summary : NULL,
		.sort_by = s->opts->sort_by,
		.epoll = &s->epoll_stats,
		.kinds = s->opts->model.diagnose ? kinds : NULL,
		.calls_lost = s->opts->backend == BACKEND_BPF ? s->calls_lost : NULL,
		.children_untraced = s->opts->backend == BACKEND_BPF ? &s->children_untraced : NULL,
	};
	/* The view had the terminal and the trace went nowhere: -c's summary goes where strace's would. */
	if (s->opts->top.trace_nowhere && r.calls)
		printer_redirect(&s->out.printer, stderr, NULL);
	s->out.ops->summary(&s->out, &r);
}

void session_free(struct session *s)
{
	printer_free(&s->out.printer);
	summary_free(&s->summary);
	epoll_stats_free(&s->epoll_stats);
	stack_tracer_free(s->stacks);
	task_stack_free(s->away_stack);
	model_free(s->model);
	wait_events_free(&s->wait_events);
	fd_name_cache_free(&s->fd_name_cache);
	free(s->last_read.bytes);
	free(s->task_outputs);
	top_free(s->top);
}

struct engine_hooks session_hooks(struct session *s)
{
	return (struct engine_hooks) {
		.ctx = s,
		.attached = on_attached,
		.syscall_entry = call_entry,
		.syscall_exit = call_exit,
		.signal = on_signal,
		.group_stop = on_group_stop,
		.exiting = on_exiting,
		.exited = on_exited,
		.superseded = on_superseded,
		.exec = on_exec,
		.detached = on_detached,
		.detach_pause = s->opts->dump ? on_detach_pause : NULL,
		.idle = on_idle,
		.signal_received = on_signal_received,
		.input_ready = on_input,
		.tick = on_tick,
		.clone3_failed = on_clone3_failed,
		.calls_lost = on_calls_lost,
		.events_lost = on_events_lost,
		.children_untraced = on_children_untraced,
		.exit_lost = on_exit_lost,
		.records_lost = on_records_lost,
	};
}
