/* The model's life: made, told of processes and threads coming and going, finished, freed. */
#include <stdlib.h>

#include "model/model_parts.h"
#include "model/watch_oneshot.h"
#include "util/xalloc.h"

struct model *model_new(const struct model_config *cfg, const struct model_output *out,
			const struct model_env *env)
{
	struct model *m = xcalloc(1, sizeof(*m));
	m->cfg = *cfg;
	m->out = *out;
	state_init(&m->st, env, cfg->sees_closes, cfg->diagnose);
	m->diag = (struct diag) { .cfg = &m->cfg, .env = env, .out = &m->out };
	return m;
}

void model_epoll_created(struct model *m, pid_t tgid, int epfd)
{
	instance_created(&m->st, tgid, epfd);
}

void model_load_process(struct model *m, pid_t tgid)
{
	process_scan(&m->st, process_get(&m->st, tgid));
}

long model_instance_size(const struct model *m, pid_t tgid, int epfd)
{
	const struct ep_process *p = process_find(&m->st, tgid);
	for (size_t i = 0; p && i < p->n; i++)
		if (p->handles[i].fd == epfd)
			return (long) p->handles[i].inst->n;
	return -1;
}

int model_fd_registered_with(struct model *m, pid_t tgid, int epfd, uint64_t data)
{
	struct ep_instance *inst = instance_of(&m->st, tgid, epfd, NULL);
	const struct ep_entry *e = inst ? entry_by_data(inst, data) : NULL;
	/* Data two registrations share does not say which one fired. */
	if (!e || e->ghost || entries_with_data(inst, data) != 1)
		return -1;
	return e->tfd;
}

int model_fd_of_data(struct model *m, pid_t tgid, int epfd, uint64_t data)
{
	int fd = model_fd_registered_with(m, tgid, epfd, data);
	/* Many loops keep the fd in data.fd, the low 32 bits, and leave the rest as it was. */
	return fd >= 0 && (uint32_t) data == (uint32_t) fd ? fd : -1;
}

void model_thread_gone(struct model *m, pid_t tid)
{
	diag_thread_gone(&m->diag, tid);
	wait_ends(&m->st, tid);
}

void model_process_exiting(struct model *m, pid_t tgid)
{
	struct ep_process *p = process_find(&m->st, tgid);
	if (p)
		process_prune(&m->st, p);
}

void model_process_gone(struct model *m, pid_t tgid)
{
	const struct ep_process *p = process_find(&m->st, tgid);
	/* A loop that hung in its wait is reported as it ends. */
	for (size_t i = 0; p && model_watches(m, tgid) && i < p->n; i++)
		if (p->handles[i].inst->nhandles == 1)
			watch_oneshot(&m->diag, p->handles[i].inst, tgid, p->handles[i].fd, true,
				      state_now(&m->st));
	process_forget(&m->st, tgid);
}

void model_finish(struct model *m)
{
	diag_flush_all(&m->diag);
	if (!m->cfg.diagnose)
		return;
	for (size_t i = 0; i < m->st.ninsts; i++) {
		pid_t tgid;
		int epfd;
		if (instance_holder(&m->st, m->st.insts[i], &tgid, &epfd) && model_watches(m, tgid))
			watch_oneshot(&m->diag, m->st.insts[i], tgid, epfd, true, state_now(&m->st));
	}
}

void model_kind_counts(const struct model *m, struct model_kind_count *counts)
{
	diag_kind_counts(&m->diag, counts);
}

void model_free(struct model *m)
{
	if (!m)
		return;
	diag_free(&m->diag);
	state_free(&m->st);
	free(m);
}
