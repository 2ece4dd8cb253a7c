/*
 * Which instance each traced process's epoll fds name.  An instance is an
 * open file description: a dup'ed, inherited or received epoll fd is the
 * same instance, which only kcmp(2) can tell, since every epoll fd shows
 * the same anonymous inode.
 */
#include <stdlib.h>

#include "fdname/fd_kind.h"
#include "model/processes.h"
#include "util/xalloc.h"

void state_init(struct model_state *st, const struct model_env *env, bool sees_closes,
		bool reads_closes)
{
	*st = (struct model_state) {
		.env = env, .sees_closes = sees_closes, .reads_closes = reads_closes,
	};
	st->start_ns = env->now_ns(env->ctx);
}

int64_t state_now(const struct model_state *st)
{
	return st->env->now_ns(st->env->ctx) - st->start_ns;
}

void state_free(struct model_state *st)
{
	u64_map_free(&st->waiting);
	for (size_t i = 0; i < st->ninsts; i++)
		instance_free(st->insts[i]);
	free(st->insts);
	for (size_t i = 0; i < st->nprocs; i++) {
		free(st->procs[i]->handles);
		free(st->procs[i]);
	}
	free(st->procs);
}

struct ep_process *process_find(const struct model_state *st, pid_t tgid)
{
	for (size_t i = 0; i < st->nprocs; i++)
		if (st->procs[i]->tgid == tgid)
			return st->procs[i];
	return NULL;
}

struct ep_process *process_get(struct model_state *st, pid_t tgid)
{
	struct ep_process *p = process_find(st, tgid);
	if (p)
		return p;
	p = xcalloc(1, sizeof(*p));
	p->tgid = tgid;
	st->procs = grow_array(st->procs, &st->procs_cap, st->nprocs, sizeof(*st->procs));
	st->procs[st->nprocs++] = p;
	return p;
}

int handle_fd(const struct ep_process *p, const struct ep_instance *inst)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->handles[i].inst == inst)
			return p->handles[i].fd;
	return -1;
}

static struct ep_instance *handle_instance(const struct ep_process *p, int fd)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->handles[i].fd == fd)
			return p->handles[i].inst;
	return NULL;
}

static void handle_add(struct model_state *st, struct ep_process *p, int fd, struct ep_instance *inst)
{
	handle_drop(st, p, fd);
	p->handles = grow_array(p->handles, &p->cap, p->n, sizeof(*p->handles));
	p->handles[p->n++] = (struct ep_handle) { fd, inst };
	inst->nhandles++;
}

static struct ep_instance *instance_add(struct model_state *st)
{
	struct ep_instance *inst = instance_new(++st->next_id);
	st->insts = grow_array(st->insts, &st->insts_cap, st->ninsts, sizeof(*st->insts));
	st->insts[st->ninsts++] = inst;
	return inst;
}

/* No traced process holds it any more: nothing can use it through us. */
static void instance_forget(struct model_state *st, struct ep_instance *inst)
{
	for (size_t i = 0; i < st->ninsts; i++)
		if (st->insts[i] == inst) {
			st->insts[i] = st->insts[--st->ninsts];
			break;
		}
	for (size_t i = 0; i < st->waiting.cap; i++)
		if (st->waiting.slots[i].used && st->waiting.slots[i].value == (uintptr_t) inst)
			st->waiting.slots[i].value = 0;
	instance_free(inst);
}

void handle_drop(struct model_state *st, struct ep_process *p, int fd)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->handles[i].fd != fd)
			continue;
		struct ep_instance *inst = p->handles[i].inst;
		p->handles[i] = p->handles[--p->n];
		if (--inst->nhandles == 0)
			instance_forget(st, inst);
		return;
	}
}

bool fd_is_epoll(const struct model_env *env, pid_t tgid, int fd)
{
	struct proc_fd now = { 0 };
	bool epoll = env->probe_fd(env->ctx, tgid, fd, &now) && fd_link_is_epoll(now.link);
	proc_fd_free(&now);
	return epoll;
}

/* An instance another handle already names, or NULL. */
static struct ep_instance *known_instance(const struct model_state *st, pid_t tgid, int epfd)
{
	for (size_t i = 0; i < st->nprocs; i++) {
		const struct ep_process *q = st->procs[i];
		for (size_t j = 0; j < q->n; j++)
			if (st->env->same_file(st->env->ctx, tgid, epfd, q->tgid, q->handles[j].fd))
				return q->handles[j].inst;
	}
	return NULL;
}

size_t instance_resync(struct model_state *st, struct ep_instance *inst, pid_t tgid, int epfd)
{
	struct epoll_fdinfo info = { 0 };
	size_t differ = 0;
	if (st->env->read_fdinfo(st->env->ctx, tgid, epfd, &info))
		differ = instance_reconcile(inst, &info, st->env, tgid, state_now(st));
	inst->kernel_changed = false;
	epoll_fdinfo_free(&info);
	return differ;
}

struct ep_instance *instance_of(struct model_state *st, pid_t tgid, int epfd, bool *learnt)
{
	struct ep_process *p = process_get(st, tgid);
	struct ep_instance *inst = handle_instance(p, epfd);
	if (inst && inst->kernel_changed) {
		instance_resync(st, inst, tgid, epfd);
		if (learnt)
			*learnt = true;
	}
	if (inst || epfd < 0 || !fd_is_epoll(st->env, tgid, epfd))
		return inst;
	inst = known_instance(st, tgid, epfd);
	if (!inst) {
		inst = instance_add(st);
		instance_resync(st, inst, tgid, epfd);
		if (learnt)
			*learnt = true;
	}
	handle_add(st, p, epfd, inst);
	return inst;
}

void instance_created(struct model_state *st, pid_t tgid, int epfd)
{
	struct ep_process *p = process_get(st, tgid);
	struct ep_instance *inst = instance_add(st);
	inst->user = tgid;
	handle_add(st, p, epfd, inst);
}

bool instance_holder(const struct model_state *st, const struct ep_instance *inst, pid_t *tgid,
		     int *epfd)
{
	for (size_t i = 0; i < st->nprocs; i++) {
		int fd = handle_fd(st->procs[i], inst);
		if (fd >= 0) {
			*tgid = st->procs[i]->tgid;
			*epfd = fd;
			return true;
		}
	}
	return false;
}

pid_t instance_user(struct model_state *st, struct ep_instance *inst, pid_t tgid)
{
	if (inst->user == tgid)
		return 0;
	/* A process that is gone, or let go of it (a hand-over), does not share it. */
	const struct ep_process *first = inst->user ? process_find(st, inst->user) : NULL;
	if (!first || handle_fd(first, inst) < 0) {
		inst->user = tgid;
		return 0;
	}
	return inst->user;
}

void process_prune(struct model_state *st, struct ep_process *p)
{
	struct proc_fds fds = { 0 };
	if (!p->n || !st->env->read_fds(st->env->ctx, p->tgid, &fds))
		return;
	for (size_t i = 0; i < p->n;) {
		const struct proc_fd *now = proc_fds_find(&fds, p->handles[i].fd);
		if (now && fd_link_is_epoll(now->link))
			i++;
		else
			handle_drop(st, p, p->handles[i].fd);
	}
	proc_fds_free(&fds);
}

void process_scan(struct model_state *st, struct ep_process *p)
{
	if (p->scanned)
		return;
	struct proc_fds fds = { 0 };
	if (st->env->read_fds(st->env->ctx, p->tgid, &fds)) {
		for (size_t i = 0; i < fds.n; i++)
			if (fd_link_is_epoll(fds.v[i].link))
				instance_of(st, p->tgid, fds.v[i].fd, NULL);
		p->scanned = true;
	}
	proc_fds_free(&fds);
}

void process_reread(struct model_state *st, struct ep_process *p)
{
	process_prune(st, p);
	for (size_t i = 0; i < p->n; i++)
		p->handles[i].inst->kernel_changed = true;
	p->scanned = false;
	process_scan(st, p);
}

void wait_begins(struct model_state *st, pid_t tid, struct ep_instance *inst)
{
	u64_map_put(&st->waiting, (uint64_t) tid, (uintptr_t) inst);
}

struct ep_instance *wait_ends(struct model_state *st, pid_t tid)
{
	uint64_t v = 0;
	u64_map_get(&st->waiting, (uint64_t) tid, &v);
	u64_map_remove(&st->waiting, (uint64_t) tid);
	return (struct ep_instance *) (uintptr_t) v;
}

void process_forget(struct model_state *st, pid_t tgid)
{
	struct ep_process *p = process_find(st, tgid);
	if (!p)
		return;
	if (p->unsure)
		st->nunsure--;
	while (p->n)
		handle_drop(st, p, p->handles[p->n - 1].fd);
	for (size_t i = 0; i < st->nprocs; i++)
		if (st->procs[i] == p) {
			st->procs[i] = st->procs[--st->nprocs];
			break;
		}
	free(p->handles);
	free(p);
}
