#include "decode/epoll_event.h"
#include "output/epoll_stats_json.h"

/* Microseconds, as the text section's. */
static void emit_usecs(struct emitter *em, const char *name, uint64_t ns)
{
	emit_uint_field(em, name, ns / 1000);
}

static void emit_blocked(struct emitter *em, const struct latency_hist *b)
{
	emit_field(em, "blocked_usecs");
	emit_struct_begin(em);
	emit_usecs(em, "p50", latency_hist_percentile(b, 500));
	emit_usecs(em, "p90", latency_hist_percentile(b, 900));
	emit_usecs(em, "p99", latency_hist_percentile(b, 990));
	emit_usecs(em, "max", b->max);
	emit_struct_end(em);
}

/* From a wait's return to the thread's next wait, as the text's loop iterations. */
static void emit_iterations(struct emitter *em, const struct latency_hist *h)
{
	emit_field(em, "iterations");
	emit_struct_begin(em);
	emit_uint_field(em, "count", h->count);
	emit_usecs(em, "p50_usecs", latency_hist_percentile(h, 500));
	emit_usecs(em, "p99_usecs", latency_hist_percentile(h, 990));
	emit_usecs(em, "max_usecs", h->max);
	emit_struct_end(em);
}

static void emit_hottest(struct emitter *em, const struct epoll_instance *in)
{
	struct data_count top[EPOLL_STATS_HOTTEST];
	size_t n = data_counts_top(&in->data, top, EPOLL_STATS_HOTTEST);
	emit_field(em, "hottest");
	emit_array_begin(em);
	for (size_t i = 0; i < n; i++) {
		emit_struct_begin(em);
		emit_field(em, "data");
		emit_epoll_data(em, top[i].data);
		emit_uint_field(em, "events", top[i].events);
		int fd = epoll_stats_data_fd(&top[i]);
		emit_field(em, "fd");
		if (fd >= 0)
			emit_int(em, fd);
		else
			emit_null(em);
		emit_struct_end(em);
	}
	emit_array_end(em);
}

static void emit_instance(struct emitter *em, const struct epoll_instance *in)
{
	emit_struct_begin(em);
	emit_int_field(em, "pid", in->pid);
	emit_int_field(em, "epfd", in->epfd);
	emit_uint_field(em, "waits", in->waits);
	emit_uint_field(em, "wakeups", in->wakeups);
	emit_uint_field(em, "timeouts", in->timeouts);
	emit_uint_field(em, "eintr", in->eintrs);
	/* Two decimals, as the text's ev/wake. */
	emit_field(em, "events_per_wakeup");
	emit_fixed(em, in->wakeups ? (int64_t) (in->events * 100 / in->wakeups) : 0, 2);
	emit_uint_field(em, "max_events", in->max_events);
	emit_uint_field(em, "full", in->full);
	emit_blocked(em, &in->blocked);
	emit_iterations(em, &in->iterations);
	emit_hottest(em, in);
	emit_struct_end(em);
}

void emit_epoll_stats(struct emitter *em, const struct epoll_stats *es)
{
	emit_struct_begin(em);
	emit_field(em, "instances");
	emit_array_begin(em);
	for (size_t i = 0; i < es->count; i++)
		emit_instance(em, &es->instances[i]);
	emit_array_end(em);
	emit_field(em, "threads");
	emit_array_begin(em);
	for (size_t i = 0; i < es->nthreads; i++) {
		const struct loop_thread *th = &es->threads[i];
		emit_struct_begin(em);
		emit_int_field(em, "pid", th->pid);
		emit_int_field(em, "tid", th->tid);
		emit_int_field(em, "epfd", th->epfd);
		emit_iterations(em, &th->iterations);
		emit_struct_end(em);
	}
	emit_array_end(em);
	emit_struct_end(em);
}
