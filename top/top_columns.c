#include <stdlib.h>

#include "emit/text_values.h"
#include "top/top_columns.h"

/* A rate: one decimal while it is small, whole numbers when it is not. */
static void rate(struct strbuf *out, double v)
{
	sb_printf(out, v < 1000 ? "%.1f" : "%.0f", v);
}

static void usecs(struct strbuf *out, uint64_t ns)
{
	sb_printf(out, "%llu", (unsigned long long) (ns / 1000));
}

#define VALUE(field) \
	static double value_##field(const struct top_instance_row *r) { return (double) r->field; }
VALUE(pid)
VALUE(epfd)
VALUE(nfds)
VALUE(warnings)
VALUE(waits)
VALUE(wakeups)
VALUE(events)
VALUE(timeouts)
VALUE(eintrs)
VALUE(events_per_wakeup)
VALUE(blocked)
VALUE(p50_ns)
VALUE(p99_ns)
VALUE(iter_p99_ns)

static void text_pid(struct strbuf *out, const struct top_instance_row *r)
{
	sb_printf(out, "%d", (int) r->pid);
}

static void text_epfd(struct strbuf *out, const struct top_instance_row *r)
{
	sb_printf(out, "%d", r->epfd);
}

static void text_nfds(struct strbuf *out, const struct top_instance_row *r)
{
	if (r->nfds < 0)
		sb_putc(out, '?');
	else
		sb_printf(out, "%ld", r->nfds);
}

static void text_warnings(struct strbuf *out, const struct top_instance_row *r)
{
	sb_printf(out, "%lu", r->warnings);
}

#define RATE_TEXT(field) \
	static void text_##field(struct strbuf *out, const struct top_instance_row *r) { rate(out, r->field); }
RATE_TEXT(waits)
RATE_TEXT(wakeups)
RATE_TEXT(events)
RATE_TEXT(timeouts)
RATE_TEXT(eintrs)

/* Saturation: events per wake-up against the room the wait gave them. */
static void text_events_per_wakeup(struct strbuf *out, const struct top_instance_row *r)
{
	sb_printf(out, "%.1f/%d", r->events_per_wakeup, r->maxevents);
}

static void text_blocked(struct strbuf *out, const struct top_instance_row *r)
{
	sb_printf(out, "%.0f%%", r->blocked * 100);
}

static void text_p50_ns(struct strbuf *out, const struct top_instance_row *r)
{
	usecs(out, r->p50_ns);
}

static void text_p99_ns(struct strbuf *out, const struct top_instance_row *r)
{
	usecs(out, r->p99_ns);
}

static void text_iter_p99_ns(struct strbuf *out, const struct top_instance_row *r)
{
	usecs(out, r->iter_p99_ns);
}

#define COLUMN(title, width, field, ascending) \
	{ title, width, value_##field, ascending, text_##field }

const struct top_column top_instance_columns[] = {
	COLUMN("PID", 7, pid, true),
	COLUMN("EPFD", 4, epfd, true),
	COLUMN("FDS", 5, nfds, false),
	COLUMN("WARN", 4, warnings, false),
	COLUMN("WAIT/s", 8, waits, false),
	COLUMN("WAKE/s", 8, wakeups, false),
	COLUMN("EV/s", 8, events, false),
	COLUMN("EV/WAKE", 9, events_per_wakeup, false),
	COLUMN("TMOUT/s", 8, timeouts, false),
	COLUMN("BLOCK", 5, blocked, false),
	COLUMN("P50us", 8, p50_ns, false),
	COLUMN("P99us", 8, p99_ns, false),
	COLUMN("ITER99us", 9, iter_p99_ns, false),
	COLUMN("EINTR/s", 8, eintrs, false),
};

const size_t top_ninstance_columns = sizeof(top_instance_columns) / sizeof(top_instance_columns[0]);

size_t top_columns_fitting(int width)
{
	size_t n = 0;
	int used = 0;
	while (n < top_ninstance_columns && used + top_instance_columns[n].width + 1 <= width)
		used += top_instance_columns[n++].width + 1;
	return n < 2 ? 2 : n;
}

/* Right-aligned in its width, with a space before it. */
static void cell(struct strbuf *out, const char *text, int width)
{
	sb_printf(out, " %*s", width, text);
}

void top_instance_titles(struct strbuf *out, size_t ncolumns, size_t sorted)
{
	struct strbuf title = STRBUF_INIT;
	for (size_t i = 0; i < ncolumns; i++) {
		sb_reset(&title);
		/* The sorted column says so, as top's does. */
		sb_printf(&title, "%s%s", i == sorted ? "*" : "", top_instance_columns[i].title);
		cell(out, sb_str(&title), top_instance_columns[i].width);
	}
	sb_free(&title);
}

void top_instance_line(struct strbuf *out, const struct top_instance_row *r, size_t ncolumns)
{
	struct strbuf text = STRBUF_INIT;
	for (size_t i = 0; i < ncolumns; i++) {
		sb_reset(&text);
		top_instance_columns[i].text(&text, r);
		cell(out, sb_str(&text), top_instance_columns[i].width);
	}
	sb_free(&text);
}

static int compare_rows(const void *a, const void *b, void *column)
{
	const struct top_instance_row *x = a, *y = b;
	const struct top_column *c = column;
	double vx = c->value(x), vy = c->value(y);
	if (vx != vy)
		return (vx < vy) == c->ascending ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->epfd > y->epfd) - (x->epfd < y->epfd);
}

void top_sort_instances(struct top_instance_row *rows, size_t n, size_t column)
{
	const struct top_column *c = &top_instance_columns[column < top_ninstance_columns ? column : 0];
	if (n > 1)
		qsort_r(rows, n, sizeof(*rows), compare_rows, (void *) c);
}

static const char *const state_names[] = {
	[REG_OPEN] = "",
	[REG_GHOST] = "ghost",
	[REG_CLOSED] = "closed",
	[REG_EXITED] = "exited",
};

/* The name before the mask and the data: it is what the fd is known by. */
void top_fd_titles(struct strbuf *out)
{
	sb_printf(out, " %5s %8s %7s %-16s %-24s %-26s %s", "FD", "EV/s", "IDLE", "STATE", "NAME",
		  "EVENTS", "DATA");
}

/* text, then spaces up to width: a left-aligned cell of any text. */
static void pad_to(struct strbuf *out, size_t start, size_t width)
{
	while (out->len - start < width)
		sb_putc(out, ' ');
}

void top_fd_line(struct strbuf *out, const struct top_fd_row *r)
{
	struct strbuf text = STRBUF_INIT;
	rate(&text, r->events_per_sec);
	sb_printf(out, " %5d %8s", r->fd, sb_str(&text));
	sb_reset(&text);
	if (r->idle_ns < 0)
		sb_putc(&text, '-');
	else
		sb_printf(&text, "%.1fs", (double) r->idle_ns / 1e9);
	sb_printf(out, " %7s ", sb_str(&text));
	size_t start = out->len;
	sb_puts(out, state_names[r->state]);
	if (r->disarmed)
		sb_printf(out, "%sONESHOT disarmed", out->len > start ? "," : "");
	pad_to(out, start, 16);
	sb_putc(out, ' ');
	start = out->len;
	sb_puts(out, r->name ? r->name : "");
	pad_to(out, start, 24);
	sb_putc(out, ' ');
	start = out->len;
	print_epoll_events(out, r->events);
	pad_to(out, start, 26);
	sb_putc(out, ' ');
	print_epoll_data(out, r->data);
	sb_free(&text);
}

static int compare_fds(const void *a, const void *b)
{
	const struct top_fd_row *x = a, *y = b;
	if (x->events_per_sec != y->events_per_sec)
		return x->events_per_sec > y->events_per_sec ? -1 : 1;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

void top_sort_fds(struct top_fd_row *rows, size_t n)
{
	if (n > 1)
		qsort(rows, n, sizeof(*rows), compare_fds);
}

void top_header_line(struct strbuf *out, const struct top_view *v)
{
	sb_printf(out, "epolltrace: %s, %zu thread%s, %.0fs | %.0f epoll calls/s | tracer CPU %.1f%%",
		  v->targets, v->nthreads, v->nthreads == 1 ? "" : "s", v->elapsed,
		  v->calls_per_sec, v->tracer_cpu * 100);
	if (v->paused)
		sb_puts(out, " | PAUSED");
}
