/*
 * Which instance each traced process's epoll fds name.  An instance is an
 * open file description: a dup'ed, inherited or received epoll fd is the
 * same instance, which only kcmp(2) can tell, since every epoll fd shows
 * the same anonymous inode.
 */
#include <limits.h>
#include <linux/kcmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fdname/fd_kind.h"
#include "model/model_state.h"
#include "procfs/proc_fds.h"
#include "util/xalloc.h"

struct ep_process *process_find(const struct model *m, pid_t tgid)
{
	for (size_t i = 0; i < m->nprocs; i++)
		if (m->procs[i]->tgid == tgid)
			return m->procs[i];
	return NULL;
}

struct ep_process *process_get(struct model *m, pid_t tgid)
{
	struct ep_process *p = process_find(m, tgid);
	if (p)
		return p;
	p = xcalloc(1, sizeof(*p));
	p->tgid = tgid;
	m->procs = grow_array(m->procs, &m->procs_cap, m->nprocs, sizeof(*m->procs));
	m->procs[m->nprocs++] = p;
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

static void handle_add(struct model *m, struct ep_process *p, int fd, struct ep_instance *inst)
{
	handle_drop(m, p, fd);
	p->handles = grow_array(p->handles, &p->cap, p->n, sizeof(*p->handles));
	p->handles[p->n++] = (struct ep_handle) { fd, inst };
	inst->nhandles++;
}

struct ep_thread *thread_in_slot(const struct u64_map *threads, size_t i)
{
	return threads->slots[i].used ? (struct ep_thread *) (uintptr_t) threads->slots[i].value : NULL;
}

/* No traced process holds it any more: nothing can use it through us. */
static void instance_forget(struct model *m, struct ep_instance *inst)
{
	for (size_t i = 0; i < m->ninsts; i++)
		if (m->insts[i] == inst) {
			m->insts[i] = m->insts[--m->ninsts];
			break;
		}
	for (size_t i = 0; i < m->threads.cap; i++) {
		struct ep_thread *th = thread_in_slot(&m->threads, i);
		if (th && th->in_wait == inst)
			th->in_wait = NULL;
	}
	instance_free(inst);
}

void handle_drop(struct model *m, struct ep_process *p, int fd)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->handles[i].fd != fd)
			continue;
		struct ep_instance *inst = p->handles[i].inst;
		p->handles[i] = p->handles[--p->n];
		if (--inst->nhandles == 0)
			instance_forget(m, inst);
		return;
	}
}

bool fd_is_epoll(pid_t tgid, int fd)
{
	char path[64], link[PATH_MAX];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int) tgid, fd);
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return false;
	link[n] = '\0';
	return fd_link_is_epoll(link);
}

bool same_file(pid_t pid1, int fd1, pid_t pid2, int fd2)
{
	return syscall(SYS_kcmp, pid1, pid2, KCMP_FILE, fd1, fd2) == 0;
}

/* An instance another handle already names, or NULL. */
static struct ep_instance *known_instance(const struct model *m, pid_t tgid, int epfd)
{
	for (size_t i = 0; i < m->nprocs; i++) {
		const struct ep_process *q = m->procs[i];
		for (size_t j = 0; j < q->n; j++)
			if (same_file(tgid, epfd, q->tgid, q->handles[j].fd))
				return q->handles[j].inst;
	}
	return NULL;
}

size_t instance_resync(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd)
{
	struct epoll_fdinfo info = { 0 };
	size_t differ = 0;
	if (epoll_fdinfo_read(tgid, epfd, &info))
		differ = instance_reconcile(inst, &info, tgid, model_now(m));
	inst->kernel_changed = false;
	epoll_fdinfo_free(&info);
	return differ;
}

struct ep_instance *instance_of(struct model *m, pid_t tgid, int epfd, bool *learnt)
{
	struct ep_process *p = process_get(m, tgid);
	struct ep_instance *inst = handle_instance(p, epfd);
	if (inst && inst->kernel_changed) {
		instance_resync(m, inst, tgid, epfd);
		if (learnt)
			*learnt = true;
	}
	if (inst || epfd < 0 || !fd_is_epoll(tgid, epfd))
		return inst;
	inst = known_instance(m, tgid, epfd);
	if (!inst) {
		inst = instance_new(m);
		m->insts = grow_array(m->insts, &m->insts_cap, m->ninsts, sizeof(*m->insts));
		m->insts[m->ninsts++] = inst;
		instance_resync(m, inst, tgid, epfd);
		if (learnt)
			*learnt = true;
	}
	handle_add(m, p, epfd, inst);
	return inst;
}

void model_epoll_created(struct model *m, pid_t tgid, int epfd)
{
	struct ep_process *p = process_get(m, tgid);
	struct ep_instance *inst = instance_new(m);
	m->insts = grow_array(m->insts, &m->insts_cap, m->ninsts, sizeof(*m->insts));
	m->insts[m->ninsts++] = inst;
	inst->user = tgid;
	handle_add(m, p, epfd, inst);
}

void process_scan(struct model *m, struct ep_process *p)
{
	if (p->scanned)
		return;
	struct proc_fds fds = { 0 };
	if (proc_fds_read(p->tgid, &fds)) {
		for (size_t i = 0; i < fds.n; i++)
			if (fd_link_is_epoll(fds.v[i].link))
				instance_of(m, p->tgid, fds.v[i].fd, NULL);
		p->scanned = true;
	}
	proc_fds_free(&fds);
}

void model_load_process(struct model *m, pid_t tgid)
{
	process_scan(m, process_get(m, tgid));
}

struct ep_thread *thread_get(struct model *m, pid_t tid)
{
	uint64_t v;
	if (u64_map_get(&m->threads, (uint64_t) tid, &v))
		return (struct ep_thread *) (uintptr_t) v;
	struct ep_thread *th = xcalloc(1, sizeof(*th));
	th->tid = tid;
	u64_map_put(&m->threads, (uint64_t) tid, (uintptr_t) th);
	return th;
}

void model_thread_gone(struct model *m, pid_t tid)
{
	uint64_t v;
	if (!u64_map_get(&m->threads, (uint64_t) tid, &v))
		return;
	struct ep_thread *th = (struct ep_thread *) (uintptr_t) v;
	pending_flush(m, th);
	u64_map_remove(&m->threads, (uint64_t) tid);
	free(th);
}

void model_process_gone(struct model *m, pid_t tgid)
{
	struct ep_process *p = process_find(m, tgid);
	if (!p)
		return;
	/* A loop that hung in its wait is reported as it ends. */
	for (size_t i = 0; m->cfg.diagnose && i < p->n; i++)
		if (p->handles[i].inst->nhandles == 1)
			watch_oneshot(m, p->handles[i].inst, tgid, p->handles[i].fd, true);
	while (p->n)
		handle_drop(m, p, p->handles[p->n - 1].fd);
	for (size_t i = 0; i < m->nprocs; i++)
		if (m->procs[i] == p) {
			m->procs[i] = m->procs[--m->nprocs];
			break;
		}
	free(p->handles);
	free(p);
}
