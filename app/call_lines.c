/* How one traced call becomes its line: entry, exit, or an end that never came. */
#include <inttypes.h>
#include <time.h>

#include "app/call_filter.h"
#include "app/call_lines.h"
#include "app/model_feed.h"
#include "fdname/fd_details.h"
#include "fdname/fd_link.h"
#include "util/escape.h"

/*
 * A wait's events, read whole at once: its line reads the first few, the
 * model all of them, and both are then served from this one read.
 */
static void read_returned_events(struct task *t, struct tracee_state *st,
				 const struct syscall_stop *stop)
{
	const struct model_call *mc = &st->model_call;
	if (!mc->active || !mc->desc || !mc->desc->roles.events_result || stop->is_error ||
	    stop->rval <= 0 || (uint64_t) stop->rval > READ_CACHE_MAX / mc->abi->epoll_event_size)
		return;
	tracee_read_ahead(t, mc->args[mc->desc->roles.events],
			  (size_t) stop->rval * mc->abi->epoll_event_size);
}

/* -y, from the cache of names where it may be kept (fd_name_cache.h) */
static enum fd_name_found name_tracee_fd(void *ctx, int fd, struct strbuf *out)
{
	struct tracee_state *st = task_user(ctx);
	struct session *s = st->session;
	bool keep = s->names_kept && st->tgid;
	const char *kept = keep ? fd_name_cache_get(&s->fd_name_cache, st->tgid, fd) : NULL;
	if (kept) {
		sb_puts(out, kept);
		return FD_NAMED;
	}
	char target[PROC_FD_LINK_MAX];
	bool deleted;
	if (!fd_link_read(task_tid(ctx), fd, target, &deleted))
		return FD_NOT_OPEN;
	size_t start = out->len;
	print_escaped(out, target);
	/* A path can change while its fd is open (a rename, an unlink): read it each time. */
	if (keep && target[0] != '/')
		fd_name_cache_put(&s->fd_name_cache, st->tgid, fd, sb_str(out) + start);
	return deleted ? FD_NAMED_DELETED : FD_NAMED;
}

/* -yy */
static enum fd_name_found detail_tracee_fd(void *ctx, int fd, struct strbuf *out)
{
	char target[PROC_FD_LINK_MAX];
	bool deleted;
	pid_t tid = task_tid(ctx);
	if (!fd_link_read(tid, fd, target, &deleted))
		return FD_NOT_OPEN;
	fd_details_print(out, tid, fd, target);
	return deleted ? FD_NAMED_DELETED : FD_NAMED;
}

/* The model knows which registration an event's data belongs to. */
static int fd_of_tracee_data(void *ctx, int epfd, uint64_t data)
{
	struct tracee_state *st = task_user(ctx);
	return st->tgid ? model_fd_of_data(st->session->model, st->tgid, epfd, data) : -1;
}

/* Which fd a returned event stands for: its registration's, whatever its data holds. */
static int fd_of_event(void *ctx, int epfd, uint64_t data)
{
	struct task *t = ctx;
	struct tracee_state *st = task_user(t);
	pid_t tgid = tracee_tgid(t, st);
	return tgid ? model_fd_registered_with(st->session->model, tgid, epfd, data) : -1;
}

static void note_personality(struct session *s, struct task *t, struct tracee_state *st,
			     const struct abi *abi)
{
	if (st->abi == abi)
		return;
	st->abi = abi;
	s->last_abi = abi;
	if (s->opts->quiet & QUIET_PERSONALITY)
		return;
	struct task_ref ref = tracee_ref(s, t, st);
	struct trace_output *out = output_of(s, t);
	out->ops->personality(out, &ref, abi);
}

static const struct syscall_desc *traced_desc(const struct session *s, const char *name)
{
	int i = syscall_desc_index(name);
	return i >= 0 && s->opts->traced[i] ? syscall_descs[i] : NULL;
}

/* -c and -C count each call for their summary; --top shows the same counts live. */
static bool counts_calls(const struct session *s)
{
	return s->opts->summary != SUMMARY_NONE || s->top;
}

/* -T shows each call's time, the summary adds them up, some formats have each one's. */
static bool times_calls(const struct session *s)
{
	return s->opts->syscall_times || counts_calls(s) || s->out.ops->wants_duration;
}

/* Begins the line of a call the options want printed; false when they do not. */
static bool print_entry(struct session *s, struct task *t, struct tracee_state *st,
			const struct abi *abi, const char *name, const struct syscall_stop *stop)
{
	const struct syscall_desc *desc = traced_desc(s, name);
	if (!desc)
		return false;

	struct syscall_call *call = &st->call;
	*call = (struct syscall_call) {
		.abi = abi,
		.desc = desc,
		.mem = { read_tracee, t },
		.opts = &s->decode_opts,
	};
	if (s->opts->fd_names || s->opts->event_fds) {
		st->fd_names = (struct fd_names) {
			.name = s->opts->fd_details ? detail_tracee_fd : name_tracee_fd,
			.args = s->opts->fd_names,
			.data_fd = s->opts->event_fds ? fd_of_tracee_data : NULL,
			.ctx = t,
		};
		call->fd_names = &st->fd_names;
	}
	syscall_args_load(call->args, desc, abi, stop->args);
	if (!syscall_call_wanted(call))
		return false;
	enum filter_verdict verdict = call_filter_at_entry(&s->opts->filter, call);
	if (verdict == FILTER_HIDE)
		return false;
	if (s->opts->paths.n && !path_filter_match(&s->opts->paths, task_tid(t), call))
		return false;

	note_personality(s, t, st, abi);
	if (times_calls(s))
		clock_gettime(CLOCK_MONOTONIC, &st->entry_time);
	st->judged_at_exit = verdict == FILTER_AT_EXIT;
	/* -c prints no line: one held until exit is simply never printed. */
	st->line.call = call;
	st->line.injected = st->injected.injected;
	st->line.delayed = st->injected.delayed;
	st->line.deferred = st->judged_at_exit || s->opts->statuses != STATUS_ALL ||
			    s->opts->summary == SUMMARY_ONLY;
	struct task_ref ref = tracee_ref(s, t, st);
	struct trace_output *out = output_of(s, t);
	out->ops->call_begin(out, &ref, &st->line);
	/* Now, while the task is stopped; printed after the line at exit. */
	if (s->stacks)
		stack_trace_capture(s->stacks, &st->line.stack, t, abi);
	st->in_call = true;
	return true;
}

/* After the call's line: the read that was not made, and why. */
static void tell_unread(struct session *s, struct task *t, struct tracee_state *st)
{
	if (!st->unread.pending)
		return;
	st->unread.pending = false;
	printer_notice(&s->out.printer,
		       "%d: 0x%" PRIx64 " not read: userfaultfd tracks that page and its handler"
		       " has yet to fill it, so the read could wait for ever",
		       (int) task_tid(t), st->unread.addr);
}

bool call_entry(void *ctx, struct task *t, const struct syscall_stop *stop)
{
	struct session *s = ctx;
	const struct abi *abi = abi_by_audit_arch(stop->arch);
	const char *name = abi ? abi_syscall_name(abi, stop->nr) : NULL;
	if (!name)
		return false;
	struct tracee_state *st = state_of(s, t);
	s->last_read.valid = false;
	st->unread.pending = false;	/* of a call the task never returned from */
	bool signal_after = s->opts->injecting &&
			    inject_at_entry(s->opts->inject, st->inject, t, abi, name, stop->args,
					    &st->injected);
	/* First, so that what the model says of a wait comes before the wait's line. */
	bool fed = model_feed_entry(s, t, st, abi, name, stop);
	bool wants_exit = print_entry(s, t, st, abi, name, stop) || fed || signal_after;
	if (!wants_exit)
		tell_unread(s, t, st);
	return wants_exit;
}

/* -z, -Z, -e status=, and the filters that need the result, decide at exit. */
static bool deferred_line_wanted(struct session *s, const struct tracee_state *st)
{
	const struct syscall_call *call = &st->call;
	if (!(s->opts->statuses & (call->is_error ? STATUS_FAILED : STATUS_SUCCESSFUL)))
		return false;
	return !st->judged_at_exit ||
	       call_filter_at_exit(&s->opts->filter, call, &s->wait_events, fd_of_event, call->mem.ctx);
}

/* The time from the call's entry stop until now: for a wait, how long it blocked. */
static int64_t call_ns(const struct tracee_state *st)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) (now.tv_sec - st->entry_time.tv_sec) * 1000000000 +
	       (now.tv_nsec - st->entry_time.tv_nsec);
}

/* -c, -C: each call the trace shows (or would, but for -c) is counted. */
static void count_call(struct session *s, struct task *t, struct tracee_state *st, int64_t ns)
{
	if (!counts_calls(s))
		return;
	tracee_tgid(t, st);
	uint64_t took = ns > 0 ? (uint64_t) ns : 0;
	summary_add(&s->summary, &st->call, took);
	struct counted_call cc = {
		.pid = st->tgid,
		.tid = task_tid(t),
		.call = &st->call,
		.entry_ns = (uint64_t) st->entry_time.tv_sec * 1000000000 +
			    (uint64_t) st->entry_time.tv_nsec,
		.ns = took,
	};
	const struct wait_events *we = NULL;
	const int *fds = NULL;
	if (st->call.desc->roles.events_result) {
		we = wait_events_of(&s->wait_events, &st->call);
		fds = wait_events_fds(&s->wait_events, &st->call, fd_of_event, t);
	}
	epoll_stats_add(&s->epoll_stats, &cc, we ? we->v : NULL, fds, we ? we->n : 0);
}

static void print_exit(struct session *s, struct task *t, struct tracee_state *st,
		       const struct syscall_stop *stop)
{
	if (!st->in_call)
		return;
	st->in_call = false;
	struct syscall_call *call = &st->call;
	call->rval = stop->rval;
	call->is_error = stop->is_error;
	call->mem.ctx = t;
	st->fd_names.ctx = t;
	int64_t ns = times_calls(s) ? call_ns(st) : 0;

	if (st->line.deferred && !deferred_line_wanted(s, st))
		return;
	count_call(s, t, st, ns);
	if (s->opts->summary == SUMMARY_ONLY)
		return;
	struct task_ref ref = tracee_ref(s, t, st);
	struct trace_output *out = output_of(s, t);
	out->ops->call_end(out, &ref, &st->line, ns);
}

void call_exit(void *ctx, struct task *t, const struct syscall_stop *stop)
{
	struct session *s = ctx;
	struct tracee_state *st = task_user(t);
	if (!st)
		return;
	s->last_read.valid = false;
	wait_events_forget(&s->wait_events);
	read_returned_events(t, st, stop);
	print_exit(s, t, st, stop);
	/* After the line, which what the model finds is about. */
	s->feeding_stack = st->line.stack;
	model_feed_exit(s, t, st, stop);
	s->feeding_stack = NULL;
	tell_unread(s, t, st);
}

/*
 * A call that never returned (status is STATUS_UNFINISHED or
 * STATUS_DETACHED): a held line is printed only when -e status= asks for
 * such calls and no filter waited for a result it will never have.
 */
static bool unended_line_wanted(const struct session *s, const struct tracee_state *st,
				unsigned int status)
{
	if (!st->line.deferred)
		return true;
	return (s->opts->statuses & status) && !st->judged_at_exit &&
	       s->opts->summary != SUMMARY_ONLY;
}

/* A task that dies inside a call never reaches its exit stop. */
void call_abandon(struct session *s, struct task *t, struct tracee_state *st)
{
	st->model_call.active = false;
	if (!st->in_call)
		return;
	st->in_call = false;
	if (!unended_line_wanted(s, st, STATUS_UNFINISHED))
		return;
	struct task_ref ref = tracee_ref(s, t, st);
	struct trace_output *out = output_of(s, t);
	out->ops->call_cut(out, &ref, &st->line, CALL_TASK_EXITED,
			   times_calls(s) ? call_ns(st) : 0);
}

void call_detach(struct session *s, struct task *t, struct tracee_state *st)
{
	if (!st->in_call || !unended_line_wanted(s, st, STATUS_DETACHED))
		return;
	struct task_ref ref = tracee_ref(s, t, st);
	/* The tasks let go before it are no longer counted, yet were there. */
	ref.several |= s->detached_one;
	struct trace_output *out = output_of(s, t);
	out->ops->call_cut(out, &ref, &st->line, CALL_TASK_DETACHED,
			   times_calls(s) ? call_ns(st) : 0);
}
