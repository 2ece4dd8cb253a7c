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

void model_wait_done(struct model *m, const struct model_wait *w, int err,
		     const struct model_event *ev, size_t n)
{
	struct ep_instance *inst = wait_ends(&m->st, w->tid);
	if (!inst || err)
		return;
	inst->waits++;
	struct diag_thread *dth = m->cfg.diagnose ? diag_thread(&m->diag, w->tid) : NULL;
	bool resynced = false;
	for (size_t i = 0; i < n; i++) {
		struct ep_entry *e = list_event(&m->st, inst, w->tgid, w->epfd, &ev[i], &resynced);
		if (dth)
			watch_event(&m->diag, dth, inst, w, &ev[i], e);
	}
	if (dth)
		watch_wait_ends(&m->diag, dth, inst, w, ev, n, state_now(&m->st));
}
