/* A finished epoll_ctl: the warning it answers or raises, then the list follows it. */
#include "model/list_changes.h"
#include "model/model_parts.h"
#include "model/watch_ctl.h"
#include "model/watch_fd_life.h"
#include "model/watch_wait.h"

void model_ctl_done(struct model *m, const struct model_ctl *c)
{
	struct diag_thread *th = diag_thread(&m->diag, c->tid);
	bool learnt = false;
	struct ep_instance *inst = instance_of(&m->st, c->tgid, c->epfd, &learnt);
	if (watch_ctl_recovers(&th->pending, inst, c))
		pending_recovered(&m->diag, th);
	pending_flush(&m->diag, th);
	if (!inst)
		return;
	if (model_watches(m, c->tgid)) {
		watch_shared(&m->diag, inst, instance_user(&m->st, inst, c->tgid), c->tgid, c->epfd);
		if (c->err)
			watch_ctl_failed(&m->diag, th, inst, c);
	}
	/* A list just read from the kernel already has this call in it. */
	if (c->err || learnt)
		return;
	struct ep_entry *e = list_ctl_done(&m->st, inst, c);
	if (e)
		watch_registered(e, c);
}
