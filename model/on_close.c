/* fds closed, an exec, io_uring: lists changed without an epoll_ctl. */
#include <sys/epoll.h>

#include "model/list_changes.h"
#include "model/model_parts.h"
#include "model/watch_fd_life.h"

static void report_left_behind(struct model *m, struct left_behinds *lb)
{
	for (size_t i = 0; i < lb->n; i++)
		if (model_watches(m, lb->v[i].tgid))
			watch_left_behind(&m->diag, &lb->v[i]);
	left_behinds_free(lb);
}

void model_fds_closed(struct model *m, pid_t tgid, pid_t tid, unsigned int lo, unsigned int hi,
		      bool replaced, enum fd_fate fate)
{
	struct diag_thread *th = diag_thread(&m->diag, tid);
	const struct pending_warning *w = &th->pending;
	/* DEL that failed with ENOENT right before the close: a precaution, not a bug. */
	if (w->set && w->kind == DIAG_CTL_ENOENT && w->op == EPOLL_CTL_DEL && w->fd >= 0 &&
	    (unsigned int) w->fd >= lo && (unsigned int) w->fd <= hi)
		pending_recovered(&m->diag, th);
	pending_flush(&m->diag, th);
	struct ep_process *p = process_get(&m->st, tgid);
	process_scan(&m->st, p);
	struct left_behinds lb = { 0 };
	list_fds_closed(&m->st, p, lo, hi, replaced ? "replaced by dup2 or dup3" : "closed", fate,
			&lb);
	report_left_behind(m, &lb);
}

void model_kernel_changed(struct model *m, pid_t tgid)
{
	list_kernel_changed(&m->st, tgid);
}

void model_exec(struct model *m, pid_t tgid)
{
	struct left_behinds lb = { 0 };
	list_exec(&m->st, tgid, &lb);
	report_left_behind(m, &lb);
}
