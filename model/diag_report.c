/* How a diagnostic reaches the user: once per occurrence, repeats counted. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_state.h"
#include "model/xalloc.h"

void print_when(struct strbuf *out, int64_t ns)
{
	if (ns < 0) {
		sb_puts(out, "before the trace began");
		return;
	}
	sb_printf(out, "at %" PRId64 ".%03" PRId64 "s", ns / 1000000000, ns / 1000000 % 1000);
}

/* The occurrence a warning is about: kind, instance and fd in one key. */
static uint64_t occurrence(enum diag_kind kind, uint64_t inst_id, int fd)
{
	return (uint64_t) kind << 56 ^ inst_id << 24 ^ (uint32_t) (fd + 1);
}

bool diag_repeat(struct model *m, enum diag_kind kind, uint64_t inst_id, int fd)
{
	if (!u64_map_get(&m->warned, occurrence(kind, inst_id, fd), NULL))
		return false;
	m->counts[kind].repeats++;
	return true;
}

void diag_report_id(struct model *m, enum diag_kind kind, uint64_t inst_id,
		    pid_t tgid, int epfd, int fd, const char *evidence)
{
	uint64_t key = occurrence(kind, inst_id, fd);
	if (diag_repeat(m, kind, inst_id, fd))
		return;
	u64_map_put(&m->warned, key, 1);
	m->counts[kind].warned++;
	struct strbuf line = STRBUF_INIT;
	sb_printf(&line, "epolltrace: warning[%s]: pid %d epfd %d", diag_kinds[kind].name,
		  (int) tgid, epfd);
	if (fd >= 0)
		sb_printf(&line, " fd %d", fd);
	sb_printf(&line, ": %s. %s.", evidence, diag_kinds[kind].advice);
	m->report(m->report_ctx, sb_str(&line));
	sb_free(&line);
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

void model_summary(const struct model *m, struct strbuf *out)
{
	if (!m->cfg.diagnose)
		return;
	unsigned long total = 0;
	for (int k = 0; k < DIAG_NKINDS; k++)
		total += m->counts[k].warned;
	if (!total) {
		sb_puts(out, "epolltrace: diagnostics: no event-loop problems found\n");
		return;
	}
	sb_puts(out, "epolltrace: diagnostics by kind:\n");
	sb_printf(out, "%-26s %8s %8s %10s\n", "kind", "warnings", "repeats", "recovered");
	for (int k = 0; k < DIAG_NKINDS; k++) {
		const struct diag_count *c = &m->counts[k];
		if (c->warned || c->recovered)
			sb_printf(out, "%-26s %8lu %8lu %10lu\n", diag_kinds[k].name, c->warned,
				  c->repeats, c->recovered);
	}
}
