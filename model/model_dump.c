/*
 * --dump and SIGUSR1: every instance's interest list as the model has it,
 * then checked against the kernel's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "decode/epoll_event.h"
#include "fdname/fd_namer.h"
#include "model/model_parts.h"
#include "util/xalloc.h"

static int by_tfd(const void *a, const void *b)
{
	const struct ep_entry *x = *(const struct ep_entry *const *) a;
	const struct ep_entry *y = *(const struct ep_entry *const *) b;
	if (x->tfd != y->tfd)
		return x->tfd < y->tfd ? -1 : 1;
	return (int) x->ghost - (int) y->ghost;
}

static int by_id(const void *a, const void *b)
{
	const struct ep_instance *x = *(const struct ep_instance *const *) a;
	const struct ep_instance *y = *(const struct ep_instance *const *) b;
	return (x->id > y->id) - (x->id < y->id);
}

static enum model_reg_state print_name(struct strbuf *out, const struct model_env *env,
				       struct fd_namer *namer, pid_t tgid, const struct ep_entry *e,
				       bool exited)
{
	struct proc_fd now = { 0 };
	enum model_reg_state state = REG_OPEN;
	if (exited) {
		sb_puts(out, "the process has exited");
		state = REG_EXITED;
	} else if (e->ghost) {
		sb_printf(out, "ghost: fd %d no longer names the registered file", e->tfd);
		state = REG_GHOST;
	} else if (env->probe_fd(env->ctx, tgid, e->tfd, &now)) {
		fd_namer_describe(namer, out, e->tfd, now.link);
	} else {
		sb_printf(out, "fd %d is closed", e->tfd);
		state = REG_CLOSED;
	}
	proc_fd_free(&now);
	return state;
}

static void dump_instance(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd)
{
	struct fd_namer namer;
	fd_namer_init(&namer, tgid);
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd", (int) tgid);
	bool exited = access(path, F_OK) != 0;
	/* What io_uring changed unseen is the kernel's to say, not a difference. */
	if (inst->kernel_changed && !exited)
		instance_resync(&m->st, inst, tgid, epfd);
	struct ep_entry **sorted = xcalloc(inst->n + 1, sizeof(*sorted));
	for (size_t i = 0; i < inst->n; i++)
		sorted[i] = inst->entries[i];
	qsort(sorted, inst->n, sizeof(*sorted), by_tfd);
	if (!inst->n)
		m->out.dump_reg(m->out.ctx, &(struct model_dump_reg) { .pid = tgid, .epfd = epfd, .fd = -1 });
	struct strbuf name = STRBUF_INIT;
	int64_t now = state_now(&m->st);
	for (size_t i = 0; i < inst->n; i++) {
		const struct ep_entry *e = sorted[i];
		sb_reset(&name);
		enum model_reg_state state = print_name(&name, m->st.env, &namer, tgid, e, exited);
		struct model_dump_reg r = {
			.pid = tgid, .epfd = epfd, .fd = e->tfd, .name = sb_str(&name),
			.events = e->events, .data = e->data, .disarmed = e->disarmed,
			.reported = e->reported, .state = state,
			.idle_ns = e->reported_ns < 0 ? -1 : now - e->reported_ns,
		};
		m->out.dump_reg(m->out.ctx, &r);
	}
	sb_free(&name);
	free(sorted);
	fd_namer_free(&namer);

	struct epoll_fdinfo info = { 0 };
	if (m->st.env->read_fdinfo(m->st.env->ctx, tgid, epfd, &info)) {
		struct strbuf why = STRBUF_INIT;
		struct model_dump_check c = {
			.pid = tgid, .epfd = epfd, .nregs = inst->n,
			.matches = instance_differences(inst, &info, &why) == 0,
			.differences = sb_str(&why),
		};
		m->out.dump_check(m->out.ctx, &c);
		instance_reconcile(inst, &info, m->st.env, tgid, state_now(&m->st));
		sb_free(&why);
	}
	epoll_fdinfo_free(&info);
}

void model_dump(struct model *m, pid_t only)
{
	struct model_state *st = &m->st;
	/* Nor for lists it knows it missed calls of. */
	model_catch_up(m);
	/* A dump never vouches for an instance whose fd was closed unseen. */
	for (size_t i = 0; i < st->nprocs; i++)
		if (!only || st->procs[i]->tgid == only)
			process_prune(st, st->procs[i]);
	struct ep_instance **sorted = xcalloc(st->ninsts + 1, sizeof(*sorted));
	for (size_t i = 0; i < st->ninsts; i++)
		sorted[i] = st->insts[i];
	qsort(sorted, st->ninsts, sizeof(*sorted), by_id);
	const struct ep_process *p = only ? process_find(st, only) : NULL;
	for (size_t i = 0; i < st->ninsts; i++) {
		pid_t tgid = only;
		/* A process's own fd: an instance it shares may be another's first. */
		int epfd = p ? handle_fd(p, sorted[i]) : -1;
		if (only ? epfd >= 0 : instance_holder(st, sorted[i], &tgid, &epfd))
			dump_instance(m, sorted[i], tgid, epfd);
	}
	free(sorted);
}

void model_dump_instance(struct model *m, pid_t tgid, int epfd)
{
	const struct ep_process *p = process_find(&m->st, tgid);
	for (size_t i = 0; p && i < p->n; i++)
		if (p->handles[i].fd == epfd)
			dump_instance(m, p->handles[i].inst, tgid, epfd);
}
