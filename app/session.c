/* The life of each traced task as its lines tell it; its calls are in call_lines.c. */
#include <stdlib.h>
#include <sys/wait.h>

#include "app/session.h"
#include "app/session_state.h"
#include "app/tracer_signals.h"
#include "decode/siginfo.h"
#include "decode/signals.h"
#include "emit/text_values.h"
#include "output/colour.h"
#include "output/interest_header.h"
#include "output/model_json.h"
#include "output/model_lines.h"
#include "output/summary_json.h"
#include "output/task_json.h"
#include "procfs/proc_status.h"

struct tracee_state *state_of(struct session *s, struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (st)
		return st;
	st = calloc(1, sizeof(*st));
	if (!st)
		abort();
	st->abi = s->last_abi;
	st->session = s;
	task_set_user(t, st);
	return st;
}

pid_t tracee_tgid(struct task *t, struct tracee_state *st)
{
	if (!st->tgid)
		st->tgid = proc_tgid(task_tid(t));
	return st->tgid;
}

static void drop_state(struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (!st)
		return;
	sb_free(&st->pending);
	emit_names_free(&st->names);
	task_stack_free(st->stack);
	free(st);
	task_set_user(t, NULL);
}

static void on_attached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	/* Now, while /proc says it: its exit must be told to the model and to --json. */
	tracee_tgid(t, st);
	if (s->opts->quiet < 1)
		printer_notice(&s->printer, "Process %d attached", (int) task_tid(t));
}

void start_line(struct session *s, struct task *t)
{
	printer_start(&s->printer, task_user(t), task_tid(t), engine_ntasks(s->engine) > 1);
}

static void on_signal(void *ctx, struct task *t, const siginfo_t *si)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	if (s->opts->json) {
		task_json_signal(s, t, st, si);
		return;
	}
	start_line(s, t);
	struct strbuf *out = printer_text(&s->printer);
	colour_start(out, s->colour, COLOUR_SIGNAL);
	sb_printf(out, "--- %s ", signal_name(si->si_signo));
	print_siginfo(out, si);
	sb_puts(out, " ---");
	colour_end(out, s->colour);
	printer_end(&s->printer);
}

static void on_group_stop(void *ctx, struct task *t, int sig)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	if (s->opts->json) {
		task_json_stopped(s, t, st, sig);
	} else {
		start_line(s, t);
		struct strbuf *out = printer_text(&s->printer);
		colour_start(out, s->colour, COLOUR_SIGNAL);
		sb_printf(out, "--- stopped by %s ---", signal_name(sig));
		colour_end(out, s->colour);
		printer_end(&s->printer);
	}
	printer_flush(&s->printer);
	tracer_signals_follow_stop(sig);
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
	if (s->opts->quiet < 2 && s->opts->json) {
		task_json_exit(s, t, st, status);
	} else if (s->opts->quiet < 2) {
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
}

static void on_exited(void *ctx, struct task *t, int status)
{
	struct session *s = ctx;
	struct tracee_state *st = state_of(s, t);
	if (!st->exit_told)
		tell_exit(s, t, st, status);
	model_forget(s, t);
	drop_state(t);
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
	state_of(s, exec_thread)->reprint = true;
	if (s->opts->quiet < 3 && s->opts->json) {
		task_json_superseded(s, leader, former_tid);
	} else if (s->opts->quiet < 3) {
		start_line(s, leader);
		sb_printf(printer_text(&s->printer), "+++ superseded by execve in pid %d +++",
			  (int) former_tid);
		printer_end(&s->printer);
	}
	if (printer_is_open_for(&s->printer, st))
		printer_cut(&s->printer);
	drop_state(leader);
}

/* A new program: what -k knew of the task's code and mappings is void, and O_CLOEXEC fds are gone. */
static void on_exec(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (st)
		task_stack_forget(st->stack);
	model_exec(s->model, task_tid(t));
	fd_name_cache_forget_process(&s->fd_name_cache, task_tid(t));
}

static void on_detached(void *ctx, struct task *t)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (st)
		call_detach(s, t, st);
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
	if (sig == DUMP_SIGNAL)
		session_dump_process(s, 0);
	else
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
	s->printer.name = opts->outfile;
	/* Colour is for eyes on a terminal; JSON is for programs. */
	s->colour = !opts->json && colour_wanted(opts->colour, out);
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
	/* Under -p every call stops; --diagnose traps the ends of fds. */
	s->model_sees_closes = s->attaching || opts->model.diagnose;
	s->names_kept = opts->fd_names && !opts->fd_details && s->model_sees_closes;
	struct model_config model_cfg = opts->model;
	model_cfg.sees_closes = s->model_sees_closes;
	struct model_output model_out = opts->json ? model_json_output(s) : model_lines_output(s);
	s->model = model_new(&model_cfg, &model_out);
	s->feed_events = NULL;
	s->feed_n = s->feed_cap = 0;
	s->fd_name_cache = (struct fd_name_cache) { 0 };
	s->last_read = (struct read_cache) { 0 };
}

void session_print_interest_lists(struct session *s, pid_t pid)
{
	if (s->opts->json) {
		model_json_interest_lists(s, pid);
		model_load_process(s->model, pid);
		return;
	}
	struct strbuf text = STRBUF_INIT;
	interest_header_print(&text, pid);
	printer_lines(&s->printer, sb_str(&text));
	sb_free(&text);
	model_load_process(s->model, pid);
}

void session_dump_process(struct session *s, pid_t tgid)
{
	model_dump(s->model, tgid);
	printer_flush(&s->printer);
}

void session_finish(struct session *s)
{
	model_finish(s->model);
	if (s->opts->dump)
		session_dump_process(s, 0);
	if (s->opts->json) {
		summary_json_print(s);
		printer_flush(&s->printer);
		return;
	}
	struct strbuf text = STRBUF_INIT;
	model_lines_summary(s, &text);
	if (s->opts->summary != SUMMARY_NONE) {
		summary_print(&text, &s->summary, s->opts->sort_by);
		epoll_stats_print(&text, &s->epoll_stats);
	}
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
	model_free(s->model);
	free(s->feed_events);
	fd_name_cache_free(&s->fd_name_cache);
	free(s->last_read.bytes);
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
		.idle = on_idle,
		.signal_received = on_signal_received,
	};
}
