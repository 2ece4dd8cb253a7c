/*
 * epoll_wait and its kin: what each returned event says about the loop,
 * one wait at a time and over runs of waits.
 */
#include <fcntl.h>
#include <sys/epoll.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/model_state.h"
#include "procfs/fd_flags.h"

/* The bits that are the kernel's bookkeeping, not readiness. */
#define PRIVATE_BITS (EPOLLONESHOT | EPOLLET | EPOLLWAKEUP | EPOLLEXCLUSIVE)
/* Readiness a registration can ask for; ERR and HUP come unasked. */
#define ASKABLE_BITS (EPOLLIN | EPOLLOUT | EPOLLPRI | EPOLLRDNORM | EPOLLRDBAND | \
		      EPOLLWRNORM | EPOLLWRBAND | EPOLLRDHUP | EPOLLMSG)

void watch_et_checks(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd)
{
	if (!inst->et_checks)
		return;
	inst->et_checks = false;
	for (size_t i = 0; i < inst->n; i++) {
		struct ep_entry *e = inst->entries[i];
		uint64_t flags;
		if (!e->et_check)
			continue;
		e->et_check = false;
		if (!(e->events & EPOLLET) || e->ghost || !proc_fd_flags(tgid, e->tfd, &flags) ||
		    (flags & O_NONBLOCK))
			continue;
		struct strbuf ev = STRBUF_INIT;
		sb_printf(&ev, "fd %d was registered with ", e->tfd);
		print_epoll_events(&ev, e->events);
		sb_puts(&ev, " ");
		print_when(&ev, e->since_ns);
		sb_puts(&ev, ", and it is blocking (no O_NONBLOCK) when the loop waits");
		diag_report(m, DIAG_ET_BLOCKING_FD, inst, tgid, epfd, e->tfd, sb_str(&ev));
		sb_free(&ev);
	}
}

void watch_oneshot(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd, bool at_end)
{
	if (!inst->ndisarmed)
		return;
	int64_t now = model_now(m);
	int64_t limit_ns = (int64_t) m->cfg.oneshot_ms * 1000000;
	for (size_t i = 0; i < inst->n; i++) {
		struct ep_entry *e = inst->entries[i];
		if (!e->disarmed || e->disarm_ns < 0 || e->ghost)
			continue;
		uint64_t waits = inst->wait_starts - e->disarm_wait;
		bool long_ago = now - e->disarm_ns >= limit_ns && waits > 0;
		if (waits <= m->cfg.oneshot_waits && !long_ago)
			continue;
		if (at_end && !long_ago)
			continue;
		struct strbuf ev = STRBUF_INIT;
		sb_printf(&ev, "fd %d (registered with ", e->tfd);
		print_epoll_events(&ev, e->armed_events ? e->armed_events : e->events);
		sb_puts(&ev, ", data=");
		print_epoll_data(&ev, e->data);
		sb_puts(&ev, e->armed_events ? ") fired " : ") was found disarmed ");
		print_when(&ev, e->disarm_ns);
		sb_printf(&ev, " and was not re-armed with EPOLL_CTL_MOD in the %llu wait%s since",
			  (unsigned long long) waits, waits == 1 ? "" : "s");
		diag_report(m, DIAG_ONESHOT_NOT_REARMED, inst, tgid, epfd, e->tfd, sb_str(&ev));
		sb_free(&ev);
		/* One warning per firing: a new one needs a re-arm and another event. */
		e->disarm_ns = -1;
	}
}

void model_wait_started(struct model *m, const struct model_wait *w)
{
	struct ep_thread *th = thread_get(m, w->tid);
	pending_flush(m, th);
	struct ep_instance *inst = instance_of(m, w->tgid, w->epfd, NULL);
	th->in_wait = inst;
	if (!inst)
		return;
	th->entry_batch_seq = inst->batch_seq;
	inst->wait_starts++;
	if (!m->cfg.diagnose)
		return;
	watch_shared(m, inst, w->tgid, w->epfd);
	watch_et_checks(m, inst, w->tgid, w->epfd);
	watch_oneshot(m, inst, w->tgid, w->epfd, false);
}

static void watch_spin(struct model *m, struct ep_thread *th, struct ep_instance *inst,
		       const struct model_wait *w, size_t n)
{
	if (!w->zero_timeout || n) {
		th->zero_streak = 0;
		return;
	}
	if (th->zero_streak++ == 0)
		th->zero_since_ns = model_now(m);
	if (th->zero_streak != m->cfg.spin_waits)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "thread %d made %u waits in a row with timeout 0 that found nothing, "
		  "the first ", (int) w->tid, th->zero_streak);
	print_when(&ev, th->zero_since_ns);
	diag_report(m, DIAG_SPIN_LOOP, inst, w->tgid, w->epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

static void watch_full(struct model *m, struct ep_instance *inst, const struct model_wait *w,
		       size_t n)
{
	if (w->maxevents <= 1 || n != (size_t) w->maxevents) {
		inst->full_streak = 0;
		return;
	}
	if (++inst->full_streak != m->cfg.repeat_waits)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "%u waits in a row returned exactly maxevents=%d events",
		  inst->full_streak, w->maxevents);
	diag_report(m, DIAG_MAXEVENTS_SATURATED, inst, w->tgid, w->epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

static void report_stale(struct model *m, struct ep_instance *inst, const struct model_wait *w,
			 const struct model_event *event, int fd, const char *what, int64_t when)
{
	if (diag_repeat(m, DIAG_STALE_EVENT, inst->id, fd))
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_puts(&ev, "a wait returned events=");
	print_epoll_events(&ev, event->events);
	sb_puts(&ev, " data=");
	print_epoll_data(&ev, event->data);
	sb_printf(&ev, " for fd %d, %s ", fd, what);
	print_when(&ev, when);
	diag_report(m, DIAG_STALE_EVENT, inst, w->tgid, w->epfd, fd, sb_str(&ev));
	sb_free(&ev);
}

/* The same level-triggered condition, reported wait after wait, that cannot be consumed. */
static void watch_level(struct model *m, struct ep_instance *inst, const struct model_wait *w,
			struct ep_entry *e, uint32_t events)
{
	if (e->events & (EPOLLET | EPOLLONESHOT))
		return;
	if (e->streak && e->streak_wait + 1 == inst->waits && e->streak_events == events)
		e->streak++;
	else
		e->streak = 1;
	e->streak_wait = inst->waits;
	e->streak_events = events;
	bool unclearable = !(e->events & ASKABLE_BITS) || (events & (EPOLLERR | EPOLLHUP)) ||
			   events == EPOLLOUT;
	if (e->streak != m->cfg.repeat_waits || !unclearable)
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "%u waits in a row reported fd %d with events=", e->streak, e->tfd);
	print_epoll_events(&ev, events);
	sb_puts(&ev, "; it is registered with events=");
	print_epoll_events(&ev, e->events);
	diag_report(m, DIAG_LEVEL_NOT_CONSUMED, inst, w->tgid, w->epfd, e->tfd, sb_str(&ev));
	sb_free(&ev);
}

static bool in_batch(const struct ep_instance *inst, uint64_t data)
{
	for (size_t i = 0; i < inst->batch_n; i++)
		if (inst->batch_data[i] == data)
			return true;
	return false;
}

/* Another thread took this event from the same instance while this one slept in its wait. */
static void watch_herd(struct model *m, struct ep_thread *th, struct ep_instance *inst,
		       const struct model_wait *w, const struct ep_entry *e, uint64_t data)
{
	if (inst->batch_seq == th->entry_batch_seq || inst->batch_tid == w->tid ||
	    (e->events & (EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE)) || !in_batch(inst, data))
		return;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "threads %d and %d, both blocked in a wait on this instance, were woken "
		  "for the same event on fd %d", (int) inst->batch_tid, (int) w->tid, e->tfd);
	diag_report(m, DIAG_THUNDERING_HERD, inst, w->tgid, w->epfd, e->tfd, sb_str(&ev));
	sb_free(&ev);
}

static void keep_batch(struct ep_instance *inst, pid_t tid, const struct model_event *ev, size_t n)
{
	inst->batch_seq++;
	inst->batch_tid = tid;
	inst->batch_n = n < BATCH_KEPT ? n : BATCH_KEPT;
	for (size_t i = 0; i < inst->batch_n; i++)
		inst->batch_data[i] = ev[i].data;
}

static struct ep_entry *entry_reported(struct model *m, struct ep_instance *inst,
				       const struct model_wait *w, const struct model_event *event,
				       bool *resynced)
{
	struct ep_entry *e = entry_by_data(inst, event->data);
	if (e || *resynced)
		return e;
	/* Registered where the model could not see it, as through io_uring. */
	*resynced = true;
	instance_resync(m, inst, w->tgid, w->epfd);
	return entry_by_data(inst, event->data);
}

void model_wait_done(struct model *m, const struct model_wait *w, int err,
		     const struct model_event *ev, size_t n)
{
	struct ep_thread *th = thread_get(m, w->tid);
	struct ep_instance *inst = th->in_wait;
	th->in_wait = NULL;
	if (!inst || err)
		return;
	inst->waits++;
	int64_t now = model_now(m);
	bool resynced = false;
	for (size_t i = 0; i < n; i++) {
		struct ep_entry *e = entry_reported(m, inst, w, &ev[i], &resynced);
		if (!e) {
			const struct removed_reg *r = graveyard_find(inst, false, ev[i].data);
			if (r && m->cfg.diagnose)
				report_stale(m, inst, w, &ev[i], r->tfd,
					     r->why == REMOVED_BY_DEL ? "whose registration was deleted"
								     : "whose registration went with its file", r->when_ns);
			continue;
		}
		e->reported++;
		if (e->events & EPOLLONESHOT) {
			e->armed_events = e->events;
			e->events &= PRIVATE_BITS;
			entry_set_disarmed(inst, e, true);
			e->disarm_wait = inst->wait_starts;
			e->disarm_ns = now;
		}
		if (!m->cfg.diagnose)
			continue;
		if (e->ghost)
			report_stale(m, inst, w, &ev[i], e->tfd,
				     "whose fd number stopped naming the registered file", e->ghost_ns);
		watch_level(m, inst, w, e, ev[i].events);
		watch_herd(m, th, inst, w, e, ev[i].data);
	}
	if (n)
		keep_batch(inst, w->tid, ev, n);
	if (!m->cfg.diagnose)
		return;
	watch_spin(m, th, inst, w, n);
	watch_full(m, inst, w, n);
}
