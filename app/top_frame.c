/* A frame of --top: its figures, from -c's statistics and the model. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "app/session.h"
#include "app/top_state.h"
#include "output/interest_header.h"
#include "output/model_lines.h"
#include "top/top_columns.h"
#include "top/top_screen.h"
#include "top/top_text.h"
#include "util/xalloc.h"

double top_seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double) (b->tv_sec - a->tv_sec) + (double) (b->tv_nsec - a->tv_nsec) / 1e9;
}

static char *copy(const char *text)
{
	return xstrndup(text, strlen(text));
}

static uint64_t cpu_ns(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return 0;
	return (uint64_t) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000 +
	       (uint64_t) (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000;
}

static uint64_t epoll_calls(const struct summary *sum)
{
	uint64_t n = 0;
	for (size_t t = 0; t < sum->ntables; t++)
		for (size_t i = 0; i < nsyscall_descs; i++)
			n += sum->tables[t].counts[i].calls;
	return n;
}

static unsigned long warnings_of(const struct top *t, pid_t pid, int epfd)
{
	unsigned long n = 0;
	for (size_t i = 0; i < t->ndiags; i++)
		n += t->diags[i].pid == pid && t->diags[i].epfd == epfd;
	return n;
}

static double per_sec(uint64_t now, uint64_t then, double secs)
{
	return secs > 0 ? (double) (now - then) / secs : 0;
}

static struct top_instance_row row_of(struct top *t, const struct epoll_instance *in,
				      const struct top_counts *then, double secs)
{
	return (struct top_instance_row) {
		.pid = in->pid,
		.epfd = in->epfd,
		.nfds = model_instance_size(t->s->model, in->pid, in->epfd),
		.warnings = warnings_of(t, in->pid, in->epfd),
		.waits = per_sec(in->waits, then->waits, secs),
		.wakeups = per_sec(in->wakeups, then->wakeups, secs),
		.events = per_sec(in->events, then->events, secs),
		.timeouts = per_sec(in->timeouts, then->timeouts, secs),
		.eintrs = per_sec(in->eintrs, then->eintrs, secs),
		.events_per_wakeup = in->wakeups ? (double) in->events / (double) in->wakeups : 0,
		.maxevents = in->maxevents,
		.blocked = per_sec(in->blocked_ns, then->blocked_ns, secs) / 1e9,
		.p50_ns = latency_hist_percentile(&in->blocked, 500),
		.p99_ns = latency_hist_percentile(&in->blocked, 990),
		.iter_p99_ns = latency_hist_percentile(&in->iterations, 990),
	};
}

static void update_rows(struct top *t, double secs)
{
	const struct epoll_stats *es = &t->s->epoll_stats;
	if (es->count > t->counts_cap) {
		t->counts = xrealloc(t->counts, es->count * sizeof(*t->counts));
		memset(t->counts + t->counts_cap, 0, (es->count - t->counts_cap) * sizeof(*t->counts));
		t->counts_cap = es->count;
	}
	if (es->count > t->rows_cap) {
		t->rows_cap = es->count;
		t->view.rows = xrealloc(t->view.rows, t->rows_cap * sizeof(*t->view.rows));
	}
	t->view.nrows = 0;
	for (size_t i = 0; i < es->count; i++) {
		const struct epoll_instance *in = &es->instances[i];
		struct top_counts *then = &t->counts[i];
		/*
		 * Gone, its fd taken by a new instance or its process ended: its
		 * figures stay in -c, and a forking server's rows do not pile up.
		 */
		if (!in->gone)
			t->view.rows[t->view.nrows++] = row_of(t, in, then, secs);
		*then = (struct top_counts) {
			.waits = in->waits, .wakeups = in->wakeups, .events = in->events,
			.timeouts = in->timeouts, .eintrs = in->eintrs, .blocked_ns = in->blocked_ns,
		};
	}
	top_sort_instances(t->view.rows, t->view.nrows, t->view.sort_column);
	size_t row = t->view.nrows;
	for (size_t i = 0; i < t->view.nrows; i++)
		if (t->view.rows[i].pid == t->sel_pid && t->view.rows[i].epfd == t->sel_epfd)
			row = i;
	/* The selected instance is gone, or none was: the top row is. */
	if (row == t->view.nrows && t->view.nrows) {
		row = 0;
		t->sel_pid = t->view.rows[0].pid;
		t->sel_epfd = t->view.rows[0].epfd;
	}
	t->view.row = row < t->view.nrows ? row : 0;
}

void top_frame_update(struct top *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double secs = top_seconds_between(&t->last, &now);
	t->last = now;
	uint64_t cpu = cpu_ns(), calls = epoll_calls(&t->s->summary);
	t->view.elapsed = top_seconds_between(&t->start, &now);
	t->view.tracer_cpu = secs > 0 ? (double) (cpu - t->last_cpu_ns) / 1e9 / secs : 0;
	t->view.calls_per_sec = per_sec(calls, t->last_calls, secs);
	t->last_cpu_ns = cpu;
	t->last_calls = calls;
	t->view.nthreads = t->s->engine ? engine_ntasks(t->s->engine) : 0;
	update_rows(t, secs);
	if (t->view.mode == TOP_FDS)
		top_frame_fds(t);
}

void top_frame_baseline(struct top *t)
{
	t->last_cpu_ns = cpu_ns();
	t->last_calls = epoll_calls(&t->s->summary);
}

static uint64_t reported_before(const struct top *t, const struct model_dump_reg *r)
{
	for (size_t i = 0; i < t->nlast_fd_counts; i++)
		if (t->last_fd_counts[i].fd == r->fd && t->last_fd_counts[i].data == r->data)
			return t->last_fd_counts[i].reported;
	/* Not seen at the last look: its events since are unknown, not all new. */
	return r->reported;
}

static void free_fd_rows(struct top *t)
{
	for (size_t i = 0; i < t->nfds; i++)
		free((char *) t->fds[i].name);
	t->nfds = 0;
}

static void take_fd_row(struct top *t, const struct model_dump_reg *r, double secs)
{
	if (r->fd < 0)
		return;
	if (t->nfds == t->fds_cap) {
		t->fds_cap = t->fds_cap ? t->fds_cap * 2 : 16;
		t->fds = xrealloc(t->fds, t->fds_cap * sizeof(*t->fds));
		t->fd_counts = xrealloc(t->fd_counts, t->fds_cap * sizeof(*t->fd_counts));
	}
	t->fd_counts[t->nfds] = (struct top_fd_count) { r->fd, r->data, r->reported };
	t->fds[t->nfds++] = (struct top_fd_row) {
		.fd = r->fd, .name = copy(r->name), .events = r->events, .data = r->data,
		.disarmed = r->disarmed, .state = r->state, .idle_ns = r->idle_ns,
		.events_per_sec = per_sec(r->reported, reported_before(t, r), secs),
	};
}

void top_frame_fds(struct top *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	bool same = t->view.fds_pid == t->sel_pid && t->view.fds_epfd == t->sel_epfd;
	if (!same) {
		t->nlast_fd_counts = 0;
		t->view.fd_row = 0;
	}
	t->view.fds_pid = t->sel_pid;
	t->view.fds_epfd = t->sel_epfd;
	free_fd_rows(t);
	sb_reset(&t->fds_check);
	t->fds_secs = same ? top_seconds_between(&t->fds_time, &now) : 0;
	t->fds_time = now;
	t->dump_to = DUMP_TO_VIEW;
	model_dump_instance(t->s->model, t->sel_pid, t->sel_epfd);
	t->dump_to = DUMP_TO_TRACE;
	/* This look's counts are the next one's starting point. */
	t->last_fd_counts = xrealloc(t->last_fd_counts, (t->nfds + 1) * sizeof(*t->last_fd_counts));
	memcpy(t->last_fd_counts, t->fd_counts, t->nfds * sizeof(*t->fd_counts));
	t->nlast_fd_counts = t->nfds;
	top_sort_fds(t->fds, t->nfds);
	t->view.fds = t->fds;
	t->view.nfds = t->nfds;
	t->view.fds_check = t->fds_check.len ? sb_str(&t->fds_check) : "not in the model";
}

void top_frame_free(struct top *t)
{
	free_fd_rows(t);
	free(t->fds);
	free(t->fd_counts);
	free(t->last_fd_counts);
	sb_free(&t->fds_check);
	free(t->counts);
	free(t->view.rows);
	for (size_t i = 0; i < t->ndiags; i++) {
		free(t->diags[i].d.summary);
		free(t->diags[i].d.text);
		free(t->diags[i].d.stack);
	}
	free(t->diags);
	free(t->diag_views);
}

/* Newest first, as the view lists them. */
static void keep_diag(struct top *t, const struct model_warning *w)
{
	if (t->ndiags == t->diags_cap) {
		t->diags_cap = t->diags_cap ? t->diags_cap * 2 : 16;
		t->diags = xrealloc(t->diags, t->diags_cap * sizeof(*t->diags));
		t->diag_views = xrealloc(t->diag_views, t->diags_cap * sizeof(*t->diag_views));
	}
	memmove(t->diags + 1, t->diags, t->ndiags * sizeof(*t->diags));
	struct strbuf text = STRBUF_INIT;
	sb_printf(&text, "[%s] pid %d epfd %d", w->kind, (int) w->pid, w->epfd);
	if (w->fd >= 0)
		sb_printf(&text, " fd %d", w->fd);
	sb_printf(&text, ": %s", w->evidence);
	char *summary = copy(sb_str(&text));
	sb_reset(&text);
	sb_printf(&text, "%s.\n\n%s.", w->evidence, w->advice);
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	const char *stack = t->s->stacks && t->s->feeding_stack ? stack_trace_text(t->s->feeding_stack) : "";
	t->diags[0] = (struct top_diag_entry) {
		.d = { .summary = summary, .text = copy(sb_str(&text)),
		       .stack = *stack ? copy(stack) : NULL,
		       .at = top_seconds_between(&t->start, &now) },
		.pid = w->pid, .epfd = w->epfd,
	};
	sb_free(&text);
	t->ndiags++;
	for (size_t i = 0; i < t->ndiags; i++)
		t->diag_views[i] = t->diags[i].d;
	t->view.diags = t->diag_views;
	t->view.ndiags = t->ndiags;
	/* The selection stays on the diagnostic it was on. */
	if (t->view.diags_focused || t->view.mode == TOP_DIAG)
		t->view.diag++;
}

static void on_warning(void *ctx, const struct model_warning *w)
{
	struct top *t = ctx;
	keep_diag(t, w);
	t->trace_output.warning(t->trace_output.ctx, w);
}

static void on_dump_reg(void *ctx, const struct model_dump_reg *r)
{
	struct top *t = ctx;
	struct strbuf line = STRBUF_INIT;
	switch (t->dump_to) {
	case DUMP_TO_VIEW:
		take_fd_row(t, r, t->fds_secs);
		break;
	case DUMP_TO_FILE:
		interest_line_print(&line, "dump: ", r, true);
		fputs(sb_str(&line), t->dump_file);
		break;
	case DUMP_TO_TRACE:
		t->trace_output.dump_reg(t->trace_output.ctx, r);
		break;
	}
	sb_free(&line);
}

static void on_dump_check(void *ctx, const struct model_dump_check *c)
{
	struct top *t = ctx;
	struct strbuf line = STRBUF_INIT;
	switch (t->dump_to) {
	case DUMP_TO_VIEW:
		model_check_text(&t->fds_check, c);
		break;
	case DUMP_TO_FILE:
		model_check_line(&line, c);
		fputs(sb_str(&line), t->dump_file);
		break;
	case DUMP_TO_TRACE:
		t->trace_output.dump_check(t->trace_output.ctx, c);
		break;
	}
	sb_free(&line);
}

struct model_output top_frame_model_output(struct top *t)
{
	return (struct model_output) {
		.ctx = t,
		.warning = on_warning,
		.dump_reg = on_dump_reg,
		.dump_check = on_dump_check,
	};
}

void top_show(struct top *t)
{
	t->view.message = t->message.len ? sb_str(&t->message) : NULL;
	if (t->screen_open) {
		top_screen_draw(&t->view);
		return;
	}
	if (!t->batch || t->quiet)
		return;
	struct strbuf text = STRBUF_INIT;
	top_text_frame(&text, &t->view, t->ndiags - t->diags_printed);
	t->diags_printed = t->ndiags;
	fputs(sb_str(&text), stdout);
	fflush(stdout);
	sb_free(&text);
}

void top_say(struct top *t, const char *fmt, ...)
{
	sb_reset(&t->message);
	va_list ap;
	va_start(ap, fmt);
	char *text = NULL;
	if (vasprintf(&text, fmt, ap) >= 0)
		sb_puts(&t->message, text);
	va_end(ap);
	free(text);
}
