/* A wait begun and ended: the list follows its events, and the watchers look at each. */
#include "model/list_changes.h"
#include "model/model_parts.h"
#include "model/watch_blocked.h"
#include "model/watch_fd_life.h"
#include "model/watch_oneshot.h"
#include "model/watch_wait.h"

void model_wait_started(struct model *m, const struct model_wait *w)
{
	struct diag_thread *dth = diag_thread(&m->diag, w->tid);
	pending_flush(&m->diag, dth);
	watch_blocked_wait_begins(dth);
	struct ep_instance *inst = instance_of(&m->st, w->tgid, w->epfd, NULL);
	wait_begins(&m->st, w->tid, inst);
	if (!inst)
		return;
	inst->wait_starts++;
	if (!model_watches(m, w->tgid))
		return;
	watch_shared(&m->diag, inst, instance_user(&m->st, inst, w->tgid), w->tgid, w->epfd);
	watch_wait_begins(&m->diag, dth, inst, w);
	watch_oneshot(&m->diag, inst, w->tgid, w->epfd, false, state_now(&m->st));
}

void model_tick(struct model *m)
{
	if (!m->cfg.diagnose)
		return;
	int64_t now = state_now(&m->st), after = (int64_t) m->cfg.blocked_ms * 1000000;
	for (size_t i = 0; i < m->diag.threads.cap; i++) {
		struct diag_thread *th = diag_thread_at(&m->diag.threads, i);
		if (!th || !th->away || th->away_told || now - th->away_since_ns < after ||
		    !model_watches(m, th->tgid))
			continue;
		struct ep_instance *inst = instance_of(&m->st, th->tgid, th->epfd, NULL);
		if (inst)
			watch_blocked(&m->diag, th, inst, now);
	}
}

struct wait_watch {
	struct model *m;
	struct diag_thread *dth;
	struct ep_instance *inst;
	const struct model_wait *w;
};

static void watch_each_event(void *ctx, const struct model_event *ev, struct ep_entry *e)
{
	struct wait_watch *ww = ctx;
	watch_event(&ww->m->diag, ww->dth, ww->inst, ww->w, ev, e);
}

void model_wait_done(struct model *m, const struct model_wait *w, int err,
		     const struct model_event *ev, size_t n)
{
	struct ep_instance *inst = wait_ends(&m->st, w->tid);
	/* Whatever the wait returned, even EINTR, the loop's work begins. */
	if (model_watches(m, w->tgid))
		watch_blocked_wait_ends(diag_thread(&m->diag, w->tid), w, state_now(&m->st));
	if (!inst || err)
		return;
	inst->waits++;
	/* The events of one wait came back at one moment. */
	int64_t now = state_now(&m->st);
	if (!model_watches(m, w->tgid)) {
		list_wait_events(&m->st, inst, w->tgid, w->epfd, ev, n, now, NULL, NULL);
		return;
	}
	struct wait_watch ww = { m, diag_thread(&m->diag, w->tid), inst, w };
	list_wait_events(&m->st, inst, w->tgid, w->epfd, ev, n, now, watch_each_event, &ww);
	watch_wait_ends(&m->diag, ww.dth, inst, w, ev, n, now);
}
