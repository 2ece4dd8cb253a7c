/* A wait begun and ended: the list follows its events, and the watchers look at each. */
#include "model/list_changes.h"
#include "model/model_parts.h"
#include "model/watch_fd_life.h"
#include "model/watch_oneshot.h"
#include "model/watch_wait.h"

void model_wait_started(struct model *m, const struct model_wait *w)
{
	struct diag_thread *dth = diag_thread(&m->diag, w->tid);
	pending_flush(&m->diag, dth);
	struct ep_instance *inst = instance_of(&m->st, w->tgid, w->epfd, NULL);
	wait_begins(&m->st, w->tid, inst);
	if (!inst)
		return;
	inst->wait_starts++;
	if (!m->cfg.diagnose)
		return;
	watch_shared(&m->diag, inst, instance_user(&m->st, inst, w->tgid), w->tgid, w->epfd);
	watch_wait_begins(&m->diag, dth, inst, w);
	watch_oneshot(&m->diag, inst, w->tgid, w->epfd, false, state_now(&m->st));
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
	if (!inst || err)
		return;
	inst->waits++;
	/* The events of one wait came back at one moment. */
	int64_t now = state_now(&m->st);
	if (!m->cfg.diagnose) {
		list_wait_events(&m->st, inst, w->tgid, w->epfd, ev, n, now, NULL, NULL);
		return;
	}
	struct wait_watch ww = { m, diag_thread(&m->diag, w->tid), inst, w };
	list_wait_events(&m->st, inst, w->tgid, w->epfd, ev, n, now, watch_each_event, &ww);
	watch_wait_ends(&m->diag, ww.dth, inst, w, ev, n, now);
}
