/*
 * epoll_wait and its kin: what each returned event says about the loop,
 * one wait at a time and over runs of waits.
 */
#include <fcntl.h>
#include <sys/epoll.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/watch_wait.h"

/* Readiness a registration can ask for; ERR and HUP come unasked. */
#define ASKABLE_BITS (EPOLLIN | EPOLLOUT | EPOLLPRI | EPOLLRDNORM | EPOLLRDBAND | \
		      EPOLLWRNORM | EPOLLWRBAND | EPOLLRDHUP | EPOLLMSG)

void watch_registered(struct ep_entry *e, const struct model_ctl *c)
{
	e->watch.streak = 0;
	if (c->events & EPOLLET) {
		e->watch.et_check = true;
		e->watch.et_reported = e->reported;
	}
}

/*
 * A read of an eventfd outside EFD_SEMAPHORE mode takes its whole count,
 * so the one read an event calls for drains it and none can block.
 * Kernels before 6.2 do not say which mode: an eventfd is taken to drain.
 */
static bool drains_in_one_read(const struct model_env *env, pid_t tgid, int fd)
{
	uint64_t v;
	if (env->fdinfo_num(env->ctx, tgid, fd, "eventfd-semaphore:", 10, &v))
		return v == 0;
	return env->fdinfo_num(env->ctx, tgid, fd, "eventfd-count:", 16, &v);
}

/*
 * Checked once the loop waits again after an event for the fd: it has then
 * had its chance to read, and a fd registered only to be probed once and
 * closed unread (nginx's EPOLLRDHUP test) never reads at all.
 */
static bool et_check_due(const struct ep_entry *e)
{
	return e->watch.et_check && e->reported > e->watch.et_reported;
}

static void watch_et_checks(struct diag *d, struct ep_instance *inst, pid_t tgid, int epfd)
{
	if (!inst->watch.et_checks)
		return;
	inst->watch.et_checks = false;
	for (size_t i = 0; i < inst->n; i++) {
		struct ep_entry *e = inst->entries[i];
		uint64_t flags;
		if (!et_check_due(e))
			continue;
		e->watch.et_check = false;
		if (!(e->events & EPOLLET) || e->ghost ||
		    !d->env->fd_flags(d->env->ctx, tgid, e->tfd, &flags) || (flags & O_NONBLOCK) ||
		    drains_in_one_read(d->env, tgid, e->tfd))
			continue;
		struct strbuf ev = STRBUF_INIT;
		sb_printf(&ev, "fd %d was registered with ", e->tfd);
		print_epoll_events(&ev, e->events);
		sb_puts(&ev, " ");
		print_when(&ev, e->since_ns);
		sb_puts(&ev, ", and it is blocking (no O_NONBLOCK) when the loop waits");
		diag_report(d, DIAG_ET_BLOCKING_FD, inst, tgid, epfd, e->tfd, sb_str(&ev));
		sb_free(&ev);
	}
}

void watch_wait_begins(struct diag *d, struct diag_thread *th, struct ep_instance *inst,
		       const struct model_wait *w)
{
	th->entry_batch_seq = inst->watch.batch_seq;
	watch_et_checks(d, inst, w->tgid, w->epfd);
}

static void watch_spin(struct diag *d, struct diag_thread *th, const struct ep_instance *inst,
		       const struct model_wait *w, size_t n, int64_t now)
{
	if (!w->zero_timeout || n) {
		th->zero_streak = 0;
		return;
	}
	if (th->zero_streak++ == 0)
		th->zero_since_ns = now;
	if (th->zero_streak != d->cfg->spin_waits)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "thread %d made %u waits in a row with timeout 0 that found nothing, "
		  "the first ", (int) w->tid, th->zero_streak);
	print_when(&ev, th->zero_since_ns);
	diag_report(d, DIAG_SPIN_LOOP, inst, w->tgid, w->epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

static void watch_full(struct diag *d, struct ep_instance *inst, const struct model_wait *w,
		       size_t n)
{
	if (w->maxevents <= 1 || n != (size_t) w->maxevents) {
		inst->watch.full_streak = 0;
		return;
	}
	if (++inst->watch.full_streak != d->cfg->repeat_waits)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "%u waits in a row returned exactly maxevents=%d events",
		  inst->watch.full_streak, w->maxevents);
	diag_report(d, DIAG_MAXEVENTS_SATURATED, inst, w->tgid, w->epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

static void report_stale(struct diag *d, const struct ep_instance *inst,
			 const struct model_wait *w, const struct model_event *event, int fd,
			 const char *what, int64_t when)
{
	if (diag_repeat(d, DIAG_STALE_EVENT, inst->id, fd))
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_puts(&ev, "a wait returned events=");
	print_epoll_events(&ev, event->events);
	sb_puts(&ev, " data=");
	print_epoll_data(&ev, event->data);
	sb_printf(&ev, " for fd %d, %s ", fd, what);
	print_when(&ev, when);
	diag_report(d, DIAG_STALE_EVENT, inst, w->tgid, w->epfd, fd, sb_str(&ev));
	sb_free(&ev);
}

/* The same level-triggered condition, reported wait after wait, that cannot be consumed. */
static void watch_level(struct diag *d, const struct ep_instance *inst,
			const struct model_wait *w, struct ep_entry *e, uint32_t events)
{
	struct entry_watch *s = &e->watch;
	if (e->events & (EPOLLET | EPOLLONESHOT))
		return;
	if (s->streak && s->streak_wait + 1 == inst->waits && s->streak_events == events)
		s->streak++;
	else
		s->streak = 1;
	s->streak_wait = inst->waits;
	s->streak_events = events;
	bool unclearable = !(e->events & ASKABLE_BITS) || (events & (EPOLLERR | EPOLLHUP)) ||
			   events == EPOLLOUT;
	if (s->streak != d->cfg->repeat_waits || !unclearable)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "%u waits in a row reported fd %d with events=", s->streak, e->tfd);
	print_epoll_events(&ev, events);
	sb_puts(&ev, "; it is registered with events=");
	print_epoll_events(&ev, e->events);
	diag_report(d, DIAG_LEVEL_NOT_CONSUMED, inst, w->tgid, w->epfd, e->tfd, sb_str(&ev));
	sb_free(&ev);
}

static bool in_batch(const struct inst_watch *iw, uint64_t data)
{
	for (size_t i = 0; i < iw->batch_n; i++)
		if (iw->batch_data[i] == data)
			return true;
	return false;
}

/* Another thread took this event from the same instance while this one slept in its wait. */
static void watch_herd(struct diag *d, const struct diag_thread *th,
		       const struct ep_instance *inst, const struct model_wait *w,
		       const struct ep_entry *e, uint64_t data)
{
	const struct inst_watch *iw = &inst->watch;
	if (iw->batch_seq == th->entry_batch_seq || iw->batch_tid == w->tid ||
	    (e->events & (EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE)) || !in_batch(iw, data))
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "threads %d and %d, both blocked in a wait on this instance, were woken "
		  "for the same event on fd %d", (int) iw->batch_tid, (int) w->tid, e->tfd);
	diag_report(d, DIAG_THUNDERING_HERD, inst, w->tgid, w->epfd, e->tfd, sb_str(&ev));
	sb_free(&ev);
}

void watch_event(struct diag *d, const struct diag_thread *th, struct ep_instance *inst,
		 const struct model_wait *w, const struct model_event *ev, struct ep_entry *e)
{
	if (!e) {
		const struct removed_reg *r = graveyard_find(inst, false, ev->data);
		if (r)
			report_stale(d, inst, w, ev, r->tfd,
				     r->why == REMOVED_BY_DEL ? "whose registration was deleted"
							     : "whose registration went with its file",
				     r->when_ns);
		return;
	}
	if (e->watch.et_check)
		inst->watch.et_checks = true;
	if (e->ghost)
		report_stale(d, inst, w, ev, e->tfd,
			     "whose fd number stopped naming the registered file", e->ghost_ns);
	watch_level(d, inst, w, e, ev->events);
	watch_herd(d, th, inst, w, e, ev->data);
}

static void keep_batch(struct inst_watch *iw, pid_t tid, const struct model_event *ev, size_t n)
{
	iw->batch_seq++;
	iw->batch_tid = tid;
	iw->batch_n = n < BATCH_KEPT ? n : BATCH_KEPT;
	for (size_t i = 0; i < iw->batch_n; i++)
		iw->batch_data[i] = ev[i].data;
}

void watch_wait_ends(struct diag *d, struct diag_thread *th, struct ep_instance *inst,
		     const struct model_wait *w, const struct model_event *ev, size_t n,
		     int64_t now)
{
	if (n)
		keep_batch(&inst->watch, w->tid, ev, n);
	watch_spin(d, th, inst, w, n, now);
	watch_full(d, inst, w, n);
}
