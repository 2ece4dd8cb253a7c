#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "model/list_changes.h"
#include "util/xalloc.h"

/* The kernel drops EPOLLWAKEUP without CAP_BLOCK_SUSPEND: only it knows what it kept. */
static void registered(struct model_state *st, struct ep_instance *inst, struct ep_entry *e,
		       const struct model_ctl *c)
{
	e->reread = false;
	e->events = c->events | EPOLLERR | EPOLLHUP;
	entry_set_data(inst, e, c->data);
	entry_set_disarmed(inst, e, false);
	if (c->op == EPOLL_CTL_ADD) {
		e->registrant = c->tgid;
		e->since_ns = state_now(st);
	}
	if (c->events & EPOLLWAKEUP)
		instance_resync(st, inst, c->tgid, c->epfd);
}

struct ep_entry *list_ctl_done(struct model_state *st, struct ep_instance *inst,
			       const struct model_ctl *c)
{
	struct ep_entry *e = entry_by_tfd(inst, c->fd);
	int64_t now = state_now(st);
	switch (c->op) {
	case EPOLL_CTL_ADD:
		/* The list read again after lost calls was read after this ADD. */
		if (e && e->reread && c->has_event && e->data == c->data &&
		    e->events == (c->events | EPOLLERR | EPOLLHUP)) {
			registered(st, inst, e, c);
			return e;
		}
		/*
		 * The kernel took it, so an entry the model has for the number is
		 * another file's: a ghost if the model saw the number closed while
		 * the file lived on; else most likely closed unseen, and gone.
		 */
		if (e && st->sees_closes)
			entry_make_ghost(inst, e, now);
		else if (e)
			entry_remove(inst, e, REMOVED_BY_CLOSE, now);
		if (!c->has_event)
			break;
		e = entry_add(inst, c->fd, 0, c->data);
		registered(st, inst, e, c);
		return e;
	case EPOLL_CTL_MOD:
		if (!e || !c->has_event)
			break;
		registered(st, inst, e, c);
		return e;
	case EPOLL_CTL_DEL:
		if (e)
			entry_remove(inst, e, REMOVED_BY_DEL, now);
		return NULL;
	default:
		return NULL;
	}
	instance_resync(st, inst, c->tgid, c->epfd);
	return NULL;
}

void list_wait_events(struct model_state *st, struct ep_instance *inst, pid_t tgid, int epfd,
		      const struct model_event *ev, size_t n, int64_t now,
		      list_event_fn *each, void *ctx)
{
	bool resynced = false;
	for (size_t i = 0; i < n; i++) {
		struct ep_entry *e = entry_by_data(inst, ev[i].data);
		if (!e && !resynced) {
			/* Registered where the model could not see it, as through io_uring. */
			resynced = true;
			instance_resync(st, inst, tgid, epfd);
			e = entry_by_data(inst, ev[i].data);
		}
		if (e)
			entry_fired(inst, e, now);
		if (each)
			each(ctx, &ev[i], e);
	}
}

void left_behinds_free(struct left_behinds *lb)
{
	free(lb->v);
	*lb = (struct left_behinds) { 0 };
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

/*
 * The kernel's line, like e's, of the file that e's number names now, which
 * the number's live entry holds: a close handled after another thread
 * reused the number and registered it again closed an earlier file (haproxy
 * closes a connection registered in another thread's instance, and that
 * thread accepts the number anew).  NULL if none.
 */
static const struct epoll_reg *line_of_number_now(const struct model_state *st,
						  const struct epoll_fdinfo *info,
						  const struct ep_instance *inst, pid_t tgid,
						  const struct ep_entry *e)
{
	if (!entry_by_tfd(inst, e->tfd))
		return NULL;
	for (size_t i = 0; i < info->nregs; i++) {
		const struct epoll_reg *r = &info->regs[i];
		if (r->tfd == e->tfd && r->data == e->data && r->has_file_id &&
		    is_named_by_its_fd(st->env, tgid, r))
			return r;
	}
	return NULL;
}

/* The kernel's line for e, if the kernel still keeps it; never skip. */
static const struct epoll_reg *kernel_keeps(const struct epoll_fdinfo *info,
					    const struct ep_instance *inst, const struct ep_entry *e,
					    const struct epoll_reg *skip)
{
	for (size_t i = 0; i < info->nregs; i++) {
		const struct epoll_reg *r = &info->regs[i];
		if (r->tfd != e->tfd || r->data != e->data || r == skip)
			continue;
		if (e->has_file_id ? !r->has_file_id || (r->ino == e->ino && r->sdev == e->sdev)
				   : !ghost_owns(inst, r))
			return r;
	}
	return NULL;
}

static bool in_range(int fd, unsigned int lo, unsigned int hi)
{
	return fd >= 0 && (unsigned int) fd >= lo && (unsigned int) fd <= hi;
}

static void leave_behind(struct left_behinds *out, const struct ep_instance *inst, pid_t tgid,
			 int epfd, const struct ep_entry *e, const char *how)
{
	out->v = grow_array(out->v, &out->cap, out->n, sizeof(*out->v));
	out->v[out->n++] = (struct left_behind) {
		.inst_id = inst->id, .tgid = tgid, .epfd = epfd, .tfd = e->tfd,
		.events = e->events, .data = e->data, .since_ns = e->since_ns, .how = how,
	};
}

/*
 * The registrations of tgid's fds lo..hi in one instance: dropped by the
 * kernel with their files, or left behind because the files live on.
 * Only the process that registered an fd is asked about it: a child that
 * closes its inherited copy leaves its parent's registration as it was.
 */
static void registrations_closed(struct model_state *st, struct ep_instance *inst, pid_t tgid,
				 int epfd, unsigned int lo, unsigned int hi, const char *how,
				 struct left_behinds *out)
{
	struct epoll_fdinfo info = { 0 };
	bool read = false;
	int64_t now = state_now(st);
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
		if (!st->reads_closes) {
			if (!e->ghost)
				entry_remove(inst, e, REMOVED_BY_CLOSE, now);
			continue;
		}
		if (!read && !(read = st->env->read_fdinfo(st->env->ctx, tgid, epfd, &info)))
			break;
		/* A ghost that knows its file cannot take another's line anyway. */
		const struct epoll_reg *reopened = e->ghost && e->has_file_id ? NULL :
			line_of_number_now(st, &info, inst, tgid, e);
		if (reopened && !e->ghost)
			continue;
		const struct epoll_reg *r = kernel_keeps(&info, inst, e, reopened);
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
		leave_behind(out, inst, tgid, epfd, e, how);
	}
	epoll_fdinfo_free(&info);
}

/*
 * The registrations of tgid's fds lo..hi in one instance, where the
 * backend saw at the close's entry whether their file lives on (kept)
 * with epoll watching it: fdinfo, read after the fact, could no longer
 * tell.  The file's identity is not known, nor the fate of ghosts.
 */
static void registrations_fated(struct model_state *st, struct ep_instance *inst, pid_t tgid,
				int epfd, unsigned int lo, unsigned int hi, const char *how,
				bool kept, struct left_behinds *out)
{
	int64_t now = state_now(st);
	for (size_t i = inst->n; i-- > 0;) {
		struct ep_entry *e = inst->entries[i];
		bool ours = e->registrant ? e->registrant == tgid : inst->user == tgid;
		if (e->ghost || !ours || !in_range(e->tfd, lo, hi))
			continue;
		if (!kept || !st->reads_closes) {
			entry_remove(inst, e, REMOVED_BY_CLOSE, now);
			continue;
		}
		e->has_file_id = false;
		entry_make_ghost(inst, e, now);
		leave_behind(out, inst, tgid, epfd, e, how);
	}
}

/*
 * A close of a few fds looks them up; a wide close_range walks the lists
 * instead, and so does any close while closes are read for ghosts.
 */
static bool registers_any(const struct model_state *st, const struct ep_instance *inst,
			  unsigned int lo, unsigned int hi)
{
	if (hi - lo >= 64 || (st->reads_closes && inst->nghosts))
		return inst->n > 0;
	/* 64 bits: hi may be UINT_MAX, which an unsigned int never passes. */
	for (uint64_t fd = lo; fd <= hi; fd++)
		if (entry_by_tfd(inst, (int) fd))
			return true;
	return false;
}

void list_fds_closed(struct model_state *st, struct ep_process *p, unsigned int lo,
		     unsigned int hi, const char *how, enum fd_fate fate, struct left_behinds *out)
{
	for (size_t i = 0; i < p->n;) {
		if (in_range(p->handles[i].fd, lo, hi))
			handle_drop(st, p, p->handles[i].fd);
		else
			i++;
	}
	for (size_t i = 0; i < p->n; i++)
		if (fate != FD_FATE_UNSEEN)
			registrations_fated(st, p->handles[i].inst, p->tgid, p->handles[i].fd,
					    lo, hi, how, fate == FD_FATE_KEPT, out);
		else if (registers_any(st, p->handles[i].inst, lo, hi))
			registrations_closed(st, p->handles[i].inst, p->tgid, p->handles[i].fd,
					     lo, hi, how, out);
}

void list_kernel_changed(struct model_state *st, pid_t tgid)
{
	struct ep_process *p = process_find(st, tgid);
	for (size_t i = 0; p && i < p->n; i++)
		p->handles[i].inst->kernel_changed = true;
}

/* A ghost is the model's guess from calls it saw: the kernel's list says which stay. */
static void drop_ghosts(struct ep_instance *inst, int64_t now)
{
	for (size_t i = inst->n; i-- > 0;)
		if (inst->entries[i]->ghost)
			entry_remove(inst, inst->entries[i], REMOVED_BY_CLOSE, now);
}

void list_reread(struct model_state *st, struct ep_process *p)
{
	int64_t now = state_now(st);
	for (size_t i = 0; i < p->n; i++)
		drop_ghosts(p->handles[i].inst, now);
	process_reread(st, p);
	for (size_t i = 0; i < p->n; i++) {
		struct ep_instance *inst = p->handles[i].inst;
		/* How and when a registration went is not known: it may have come back since. */
		memset(inst->graveyard, 0, sizeof(inst->graveyard));
		inst->grave_next = 0;
		for (size_t j = 0; j < inst->n; j++) {
			struct ep_entry *e = inst->entries[j];
			e->reread = true;
			/* Found disarmed: it may have fired again in the gap, so its time starts now. */
			if (e->disarmed) {
				e->armed_events = 0;
				e->disarm_wait = inst->wait_starts;
				e->disarm_ns = now;
			}
		}
	}
}

/* At the exec stop the new program has not run: every fd closed now was O_CLOEXEC. */
void list_exec(struct model_state *st, pid_t tgid, struct left_behinds *out)
{
	struct ep_process *p = process_find(st, tgid);
	if (!p)
		return;
	struct proc_fds fds = { 0 };
	if (!st->env->read_fds(st->env->ctx, tgid, &fds))
		return;
	for (size_t i = 0; i < p->n;) {
		if (!proc_fds_find(&fds, p->handles[i].fd))
			handle_drop(st, p, p->handles[i].fd);
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
			registrations_closed(st, inst, tgid, p->handles[i].fd, (unsigned int) closed[j],
					     (unsigned int) closed[j], "closed by execve (O_CLOEXEC)", out);
		free(closed);
	}
	proc_fds_free(&fds);
}
