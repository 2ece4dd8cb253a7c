#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "decode/epoll_event.h"
#include "decode/errnos.h"
#include "emit/text_values.h"
#include "stats/epoll_stats.h"
#include "util/xalloc.h"

#define HOTTEST EPOLL_STATS_HOTTEST
/*
 * Data whose low 32 bits are below Linux's default fs.nr_open, the most
 * fds a process may have, may hold an fd (data.fd): it is shown as one.
 */
#define FD_LIMIT (1u << 20)

/* Fds are int in every ABI; the argument is zero-extended from its word. */
static int fd_arg(uint64_t arg)
{
	return (int) (uint32_t) arg;
}

static struct epoll_instance *instance(struct epoll_stats *es, pid_t pid, int epfd)
{
	for (size_t i = es->count; i-- > 0;) {
		struct epoll_instance *in = &es->instances[i];
		if (in->pid == pid && in->epfd == epfd && !in->gone)
			return in;
	}
	es->instances = grow_array(es->instances, &es->capacity, es->count, sizeof(*es->instances));
	struct epoll_instance *in = &es->instances[es->count++];
	*in = (struct epoll_instance) { .pid = pid, .epfd = epfd };
	return in;
}

/* A new instance took the fd number: later waits on it are not the old one's. */
static void replace(struct epoll_stats *es, pid_t pid, int epfd)
{
	for (size_t i = 0; i < es->count; i++) {
		struct epoll_instance *in = &es->instances[i];
		if (in->pid == pid && in->epfd == epfd)
			in->gone = true;
	}
}

void epoll_stats_process_ended(struct epoll_stats *es, pid_t pid)
{
	for (size_t i = 0; i < es->count; i++)
		if (es->instances[i].pid == pid)
			es->instances[i].gone = true;
}

static struct loop_thread *loop_thread(struct epoll_stats *es, pid_t pid, pid_t tid)
{
	uint64_t i;
	if (u64_map_get(&es->thread_index, (uint64_t) tid, &i) && es->threads[i].pid == pid)
		return &es->threads[i];
	es->threads = grow_array(es->threads, &es->threads_cap, es->nthreads, sizeof(*es->threads));
	struct loop_thread *th = &es->threads[es->nthreads];
	*th = (struct loop_thread) { .pid = pid, .tid = tid };
	u64_map_put(&es->thread_index, (uint64_t) tid, es->nthreads++);
	return th;
}

/*
 * The iteration that ends as thread tid begins a wait at entry_ns, counted
 * for the thread and for the instance whose wait began it; then the
 * thread's next iteration begins as this wait returns.
 */
static void count_iteration(struct epoll_stats *es, const struct counted_call *cc, int epfd,
			    size_t instance)
{
	struct loop_thread *th = loop_thread(es, cc->pid, cc->tid);
	if (th->returned_ns && cc->entry_ns >= th->returned_ns) {
		uint64_t took = cc->entry_ns - th->returned_ns;
		latency_hist_add(&th->iterations, took);
		latency_hist_add(&es->instances[th->instance].iterations, took);
	}
	th->epfd = epfd;
	th->instance = instance;
	th->returned_ns = cc->entry_ns + cc->ns;
}

void epoll_stats_add(struct epoll_stats *es, const struct counted_call *cc,
		     const struct model_event *ev, const int *fds, size_t nev)
{
	const struct syscall_call *call = cc->call;
	const struct epoll_roles *roles = &call->desc->roles;
	if (roles->epfd_result && !call->is_error)
		replace(es, cc->pid, (int) call->rval);
	if (!roles->events_result)
		return;
	struct epoll_instance *in = instance(es, cc->pid, fd_arg(call->args[roles->epfd]));
	count_iteration(es, cc, in->epfd, (size_t) (in - es->instances));
	in->waits++;
	latency_hist_add(&in->blocked, cc->ns);
	in->blocked_ns += cc->ns;
	in->maxevents = fd_arg(call->args[roles->maxevents]);
	if (call->is_error) {
		in->eintrs += call->rval == -EINTR;
		return;
	}
	uint64_t n = (uint64_t) call->rval;
	if (n == 0) {
		in->timeouts++;
		return;
	}
	in->wakeups++;
	in->events += n;
	if (n > in->max_events)
		in->max_events = n;
	in->full += (int64_t) n == in->maxevents;
	for (size_t i = 0; i < nev; i++)
		data_counts_add(&in->data, ev[i].data, fds ? fds[i] : -1);
}

/* Microseconds, as the strace table's usecs/call. */
static uint64_t usecs(uint64_t ns)
{
	return ns / 1000;
}

static void print_instance(struct strbuf *out, const struct epoll_instance *in)
{
	const struct latency_hist *b = &in->blocked;
	sb_printf(out, "%7d %5d %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64
		  " %8.2f %7" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64
		  " %9" PRIu64 "\n",
		  (int) in->pid, in->epfd, in->waits, in->wakeups, in->timeouts, in->eintrs,
		  in->wakeups ? (double) in->events / (double) in->wakeups : 0.0,
		  in->max_events, in->full,
		  usecs(latency_hist_percentile(b, 500)), usecs(latency_hist_percentile(b, 900)),
		  usecs(latency_hist_percentile(b, 990)), usecs(b->max));
}

int epoll_stats_data_fd(const struct data_count *c)
{
	if (c->fd >= 0)
		return c->fd;
	return (uint32_t) c->data < FD_LIMIT ? (int) (uint32_t) c->data : -1;
}

static void print_hottest(struct strbuf *out, const struct epoll_instance *in)
{
	struct data_count top[HOTTEST];
	size_t n = data_counts_top(&in->data, top, HOTTEST);
	if (!n)
		return;
	sb_printf(out, "hottest data of pid %d epfd %d, by events reported:\n",
		  (int) in->pid, in->epfd);
	sb_printf(out, "%9s  %-18s  %s\n", "events", "data", "fd");
	for (size_t i = 0; i < n; i++) {
		sb_printf(out, "%9" PRIu64 "  ", top[i].events);
		size_t start = out->len;
		print_epoll_data(out, top[i].data);
		int fd = epoll_stats_data_fd(&top[i]);
		if (fd >= 0)
			sb_printf(out, "%*s%d", (int) (start + 20 - out->len), "", fd);
		sb_putc(out, '\n');
	}
}

static void print_iterations(struct strbuf *out, pid_t pid, const char *tid, int epfd,
			     const struct latency_hist *h)
{
	sb_printf(out, "%7d %7s %5d %10" PRIu64 " %9" PRIu64 " %9" PRIu64 " %9" PRIu64 "\n",
		  (int) pid, tid, epfd, h->count, usecs(latency_hist_percentile(h, 500)),
		  usecs(latency_hist_percentile(h, 990)), usecs(h->max));
}

/* Per instance (tid "all"), then per thread. */
static void print_loops(struct strbuf *out, const struct epoll_stats *es)
{
	sb_puts(out, "\nloop iterations, from a wait's return to the thread's next wait "
		"(usecs):\n");
	sb_printf(out, "%7s %7s %5s %10s %9s %9s %9s\n",
		  "pid", "tid", "epfd", "iterations", "p50", "p99", "max");
	for (size_t i = 0; i < es->count; i++)
		print_iterations(out, es->instances[i].pid, "all", es->instances[i].epfd,
				 &es->instances[i].iterations);
	char tid[16];
	for (size_t i = 0; i < es->nthreads; i++) {
		const struct loop_thread *th = &es->threads[i];
		snprintf(tid, sizeof(tid), "%d", (int) th->tid);
		print_iterations(out, th->pid, tid, th->epfd, &th->iterations);
	}
}

void epoll_stats_print(struct strbuf *out, const struct epoll_stats *es)
{
	if (!es->count)
		return;
	sb_puts(out, "\nepoll waits per instance (blocked time in usecs):\n");
	sb_printf(out, "%7s %5s %9s %9s %9s %9s %8s %7s %9s %9s %9s %9s %9s\n",
		  "pid", "epfd", "waits", "wake-ups", "timeouts", errno_name(EINTR),
		  "ev/wake", "max ev", "full", "p50", "p90", "p99", "max");
	for (size_t i = 0; i < es->count; i++)
		print_instance(out, &es->instances[i]);
	for (size_t i = 0; i < es->count; i++)
		print_hottest(out, &es->instances[i]);
	print_loops(out, es);
}

void epoll_stats_free(struct epoll_stats *es)
{
	for (size_t i = 0; i < es->count; i++) {
		latency_hist_free(&es->instances[i].blocked);
		latency_hist_free(&es->instances[i].iterations);
		data_counts_free(&es->instances[i].data);
	}
	free(es->instances);
	for (size_t i = 0; i < es->nthreads; i++)
		latency_hist_free(&es->threads[i].iterations);
	free(es->threads);
	u64_map_free(&es->thread_index);
	*es = (struct epoll_stats) { 0 };
}
