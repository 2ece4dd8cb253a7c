/*
 * The life of fds and processes around the instances: closes that leave
 * registrations behind, io_uring and exec changing lists behind our back,
 * and one instance used by two processes.
 */
#include <stdlib.h>
#include <sys/epoll.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/model_state.h"
#include "procfs/proc_fds.h"
#include "util/xalloc.h"

void watch_shared(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd)
{
	if (inst->user == tgid)
		return;
	/* A process that is gone, or let go of it (a hand-over), does not share it. */
	const struct ep_process *first = inst->user ? process_find(m, inst->user) : NULL;
	if (!first || handle_fd(first, inst) < 0) {
		inst->user = tgid;
		return;
	}
	if (inst->sharing_reported)
		return;
	inst->sharing_reported = true;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "pid %d uses this instance, and so does pid %d through its epfd %d",
		  (int) inst->user, (int) tgid, epfd);
	diag_report(m, DIAG_SHARED_ACROSS_FORK, inst, tgid, epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

/* A ghost whose file is known owns the kernel line of that file. */
static bool ghost_owns(const struct ep_instance *inst, const struct epoll_reg *r)
{
	for (size_t i = 0; r->has_file_id && inst->nghosts && i < inst->n; i++) {
		const struct ep_entry *g = inst->entries[i];
		if (g->ghost && g->has_file_id && g->tfd == r->tfd && g->ino == r->ino &&
		    g->sdev == r->sdev)
			return true;
	}
	return false;
}

/* The kernel's line for e, if the kernel still keeps it. */
static const struct epoll_reg *kernel_keeps(const struct epoll_fdinfo *info,
					    const struct ep_instance *inst, const struct ep_entry *e)
{
	for (size_t i = 0; i < info->nregs; i++) {
		const struct epoll_reg *r = &info->regs[i];
		if (r->tfd != e->tfd || r->data != e->data)
			continue;
		if (e->has_file_id ? !r->has_file_id || (r->ino == e->ino && r->sdev == e->sdev)
				   : !ghost_owns(inst, r))
			return r;
	}
	return NULL;
}

static void report_left_behind(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd,
			       const struct ep_entry *e, const char *how)
{
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "fd %d was %s while registered (events=", e->tfd, how);
	print_epoll_events(&ev, e->events);
	sb_puts(&ev, " data=");
	print_epoll_data(&ev, e->data);
	sb_puts(&ev, ", registered ");
	print_when(&ev, e->since_ns);
	sb_puts(&ev, ") and never deleted; its file is still open elsewhere (a dup, a child, "
		"or a passed fd), so the registration stays");
	diag_report(m, DIAG_CLOSED_WHILE_REGISTERED, inst, tgid, epfd, e->tfd, sb_str(&ev));
	sb_free(&ev);
}

static bool in_range(int fd, unsigned int lo, unsigned int hi)
{
	return fd >= 0 && (unsigned int) fd >= lo && (unsigned int) fd <= hi;
}

/*
 * The registrations of tgid's fds lo..hi in one instance: dropped by the
 * kernel with their files, or left behind because the files live on.
 * Only the process that registered an fd is asked about it: a child that
 * closes its inherited copy leaves its parent's registration as it was.
 */
static void registrations_closed(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd,
				 unsigned int lo, unsigned int hi, const char *how)
{
	struct epoll_fdinfo info = { 0 };
	bool read = false;
	int64_t now = model_now(m);
	/* Downwards: a removal moves the last entry, already done, into its place. */
	for (size_t i = inst->n; i-- > 0;) {
		struct ep_entry *e = inst->entries[i];
		bool ours = e->registrant ? e->registrant == tgid : inst->user == tgid;
		/* Any close may have been a ghost's last reference. */
		if (!e->ghost && (!ours || !in_range(e->tfd, lo, hi)))
			continue;
		/*
		 * Without --diagnose no fdinfo is read at a close (a server that
		 * closes without DEL would pay for it at every connection): the
		 * registration is taken to have gone with its file.  A ghost that
		 * did not reports events under data the model no longer has, and
		 * the instance is read again then.
		 */
		if (!m->cfg.diagnose) {
			if (!e->ghost)
				entry_remove(inst, e, REMOVED_BY_CLOSE, now);
			continue;
		}
		if (!read && !(read = epoll_fdinfo_read(tgid, epfd, &info)))
			break;
		const struct epoll_reg *r = kernel_keeps(&info, inst, e);
		if (!r) {
			entry_remove(inst, e, REMOVED_BY_CLOSE, now);
			continue;
		}
		if (e->ghost)
			continue;
		/* Its file, for telling it from a registration of the number's next file. */
		e->has_file_id = r->has_file_id;
		e->ino = r->ino;
		e->sdev = r->sdev;
		entry_make_ghost(inst, e, now);
		report_left_behind(m, inst, tgid, epfd, e, how);
	}
	epoll_fdinfo_free(&info);
}

/*
 * A close of a few fds looks them up; a wide close_range walks the lists
 * instead, and so does any close while --diagnose watches ghosts.
 */
static bool registers_any(const struct model *m, const struct ep_instance *inst,
			  unsigned int lo, unsigned int hi)
{
	if (hi - lo >= 64 || (m->cfg.diagnose && inst->nghosts))
		return inst->n > 0;
	/* 64 bits: hi may be UINT_MAX, which an unsigned int never passes. */
	for (uint64_t fd = lo; fd <= hi; fd++)
		if (entry_by_tfd(inst, (int) fd))
			return true;
	return false;
}

static void fds_gone(struct model *m, struct ep_process *p, unsigned int lo, unsigned int hi,
		     const char *how)
{
	for (size_t i = 0; i < p->n;) {
		if (in_range(p->handles[i].fd, lo, hi))
			handle_drop(m, p, p->handles[i].fd);
		else
			i++;
	}
	for (size_t i = 0; i < p->n; i++)
		if (registers_any(m, p->handles[i].inst, lo, hi))
			registrations_closed(m, p->handles[i].inst, p->tgid, p->handles[i].fd,
					     lo, hi, how);
}

void model_fds_closed(struct model *m, pid_t tgid, pid_t tid, unsigned int lo, unsigned int hi,
		      bool replaced)
{
	struct ep_thread *th = thread_get(m, tid);
	const struct pending_warning *w = &th->pending;
	/* DEL that failed with ENOENT right before the close: a precaution, not a bug. */
	if (w->set && w->kind == DIAG_CTL_ENOENT && w->op == EPOLL_CTL_DEL && in_range(w->fd, lo, hi)) {
		m->counts[w->kind].recovered++;
		pending_drop(th);
	}
	pending_flush(m, th);
	struct ep_process *p = process_get(m, tgid);
	process_scan(m, p);
	fds_gone(m, p, lo, hi, replaced ? "replaced by dup2 or dup3" : "closed");
}

/* Read again at the instance's next use, not at every io_uring_enter. */
void model_kernel_changed(struct model *m, pid_t tgid)
{
	struct ep_process *p = process_find(m, tgid);
	for (size_t i = 0; p && i < p->n; i++)
		p->handles[i].inst->kernel_changed = true;
}

/* At the exec stop the new program has not run: every fd closed now was O_CLOEXEC. */
void model_exec(struct model *m, pid_t tgid)
{
	struct ep_process *p = process_find(m, tgid);
	if (!p)
		return;
	struct proc_fds fds = { 0 };
	if (!proc_fds_read(tgid, &fds))
		return;
	for (size_t i = 0; i < p->n;) {
		if (!proc_fds_find(&fds, p->handles[i].fd))
			handle_drop(m, p, p->handles[i].fd);
		else
			i++;
	}
	for (size_t i = 0; i < p->n; i++) {
		struct ep_instance *inst = p->handles[i].inst;
		int *closed = xcalloc(inst->n + 1, sizeof(*closed));
		size_t nclosed = 0;
		for (size_t j = 0; j < inst->n; j++)
			if (!inst->entries[j]->ghost && !proc_fds_find(&fds, inst->entries[j]->tfd))
				closed[nclosed++] = inst->entries[j]->tfd;
		for (size_t j = 0; j < nclosed; j++)
			registrations_closed(m, inst, tgid, p->handles[i].fd, (unsigned int) closed[j],
					     (unsigned int) closed[j], "closed by execve (O_CLOEXEC)");
		free(closed);
	}
	proc_fds_free(&fds);
}
