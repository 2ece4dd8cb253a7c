/* How a diagnostic reaches the user: once per occurrence, repeats counted. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_state.h"
#include "util/xalloc.h"

void print_when(struct strbuf *out, int64_t ns)
{
	if (ns < 0) {
		sb_puts(out, "before the trace began");
		return;
	}
	sb_printf(out, "at %" PRId64 ".%03" PRId64 "s", ns / 1000000000, ns / 1000000 % 1000);
}

/* The occurrence a warning of one kind is about: instance and fd. */
static uint64_t occurrence(uint64_t inst_id, int fd)
{
	return inst_id << 32 | (uint32_t) fd;
}

bool diag_repeat(struct model *m, enum diag_kind kind, uint64_t inst_id, int fd)
{
	if (!u64_map_get(&m->warned[kind], occurrence(inst_id, fd), NULL))
		return false;
	m->counts[kind].repeats++;
	return true;
}

void diag_report_id(struct model *m, enum diag_kind kind, uint64_t inst_id,
		    pid_t tgid, int epfd, int fd, const char *evidence)
{
	if (diag_repeat(m, kind, inst_id, fd))
		return;
	u64_map_put(&m->warned[kind], occurrence(inst_id, fd), 1);
	m->counts[kind].warned++;
	struct model_warning w = {
		.kind = diag_kinds[kind].name,
		.pid = tgid,
		.epfd = epfd,
		.fd = fd,
		.evidence = evidence,
		.advice = diag_kinds[kind].advice,
	};
	m->out.warning(m->out.ctx, &w);
}

void diag_report(struct model *m, enum diag_kind kind, const struct ep_instance *inst,
		 pid_t tgid, int epfd, int fd, const char *evidence)
{
	diag_report_id(m, kind, inst->id, tgid, epfd, fd, evidence);
}

void pending_hold(struct ep_thread *th, enum diag_kind kind, const struct ep_instance *inst,
		  pid_t tgid, int epfd, int fd, int op, struct strbuf *evidence)
{
	th->pending = (struct pending_warning) {
		.set = true, .kind = kind, .inst_id = inst->id, .tgid = tgid,
		.epfd = epfd, .fd = fd, .op = op,
		.evidence = xstrndup(sb_str(evidence), strlen(sb_str(evidence))),
	};
}

void pending_drop(struct ep_thread *th)
{
	free(th->pending.evidence);
	th->pending = (struct pending_warning) { 0 };
}

void pending_flush(struct model *m, struct ep_thread *th)
{
	struct pending_warning *w = &th->pending;
	if (!w->set)
		return;
	diag_report_id(m, w->kind, w->inst_id, w->tgid, w->epfd, w->fd, w->evidence);
	pending_drop(th);
}

void model_kind_counts(const struct model *m, struct model_kind_count *counts)
{
	for (int k = 0; k < DIAG_NKINDS; k++)
		counts[k] = (struct model_kind_count) {
			.kind = diag_kinds[k].name,
			.warned = m->counts[k].warned,
			.repeats = m->counts[k].repeats,
			.recovered = m->counts[k].recovered,
		};
}
