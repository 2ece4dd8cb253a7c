/* The model's life: made, told the trace is over, freed. */
#include <stdlib.h>

#include "model/model_state.h"
#include "util/xalloc.h"

struct model *model_new(const struct model_config *cfg, const struct model_output *out)
{
	struct model *m = xcalloc(1, sizeof(*m));
	m->cfg = *cfg;
	m->out = *out;
	clock_gettime(CLOCK_MONOTONIC, &m->start);
	return m;
}

int64_t model_now(const struct model *m)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) (now.tv_sec - m->start.tv_sec) * 1000000000 + (now.tv_nsec - m->start.tv_nsec);
}

bool instance_holder(const struct model *m, const struct ep_instance *inst, pid_t *tgid, int *epfd)
{
	for (size_t i = 0; i < m->nprocs; i++) {
		int fd = handle_fd(m->procs[i], inst);
		if (fd >= 0) {
			*tgid = m->procs[i]->tgid;
			*epfd = fd;
			return true;
		}
	}
	return false;
}

int model_fd_of_data(struct model *m, pid_t tgid, int epfd, uint64_t data)
{
	struct ep_instance *inst = instance_of(m, tgid, epfd, NULL);
	const struct ep_entry *e = inst ? entry_by_data(inst, data) : NULL;
	/* Many loops keep the fd in data.fd, the low 32 bits, and leave the rest as it was. */
	return e && !e->ghost && (uint32_t) data == (uint32_t) e->tfd ? e->tfd : -1;
}

void model_finish(struct model *m)
{
	for (size_t i = 0; i < m->threads.cap; i++) {
		struct ep_thread *th = thread_in_slot(&m->threads, i);
		if (th)
			pending_flush(m, th);
	}
	if (!m->cfg.diagnose)
		return;
	for (size_t i = 0; i < m->ninsts; i++) {
		pid_t tgid;
		int epfd;
		if (instance_holder(m, m->insts[i], &tgid, &epfd))
			watch_oneshot(m, m->insts[i], tgid, epfd, true);
	}
}

void model_free(struct model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->threads.cap; i++) {
		struct ep_thread *th = thread_in_slot(&m->threads, i);
		if (th) {
			free(th->pending.evidence);
			free(th);
		}
	}
	u64_map_free(&m->threads);
	for (int k = 0; k < DIAG_NKINDS; k++)
		u64_map_free(&m->warned[k]);
	for (size_t i = 0; i < m->ninsts; i++)
		instance_free(m->insts[i]);
	free(m->insts);
	for (size_t i = 0; i < m->nprocs; i++) {
		free(m->procs[i]->handles);
		free(m->procs[i]);
	}
	free(m->procs);
	free(m);
}
