#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/diag_report.h"
#include "util/xalloc.h"

struct diag_thread *diag_thread_at(const struct u64_map *threads, size_t i)
{
	return threads->slots[i].used ? (struct diag_thread *) (uintptr_t) threads->slots[i].value
				      : NULL;
}

struct diag_thread *diag_thread(struct diag *d, pid_t tid)
{
	uint64_t v;
	if (u64_map_get(&d->threads, (uint64_t) tid, &v))
		return (struct diag_thread *) (uintptr_t) v;
	struct diag_thread *th = xcalloc(1, sizeof(*th));
	th->tid = tid;
	u64_map_put(&d->threads, (uint64_t) tid, (uintptr_t) th);
	return th;
}

static void pending_drop(struct diag_thread *th)
{
	free(th->pending.evidence);
	th->pending = (struct pending_warning) { 0 };
}

static void thread_free(struct diag_thread *th)
{
	cpu_waits_free(&th->seen_waits);
	cpu_waits_free(&th->last_waits);
	free(th);
}

void diag_thread_gone(struct diag *d, pid_t tid)
{
	uint64_t v;
	if (!u64_map_get(&d->threads, (uint64_t) tid, &v))
		return;
	struct diag_thread *th = (struct diag_thread *) (uintptr_t) v;
	pending_flush(d, th);
	u64_map_remove(&d->threads, (uint64_t) tid);
	thread_free(th);
}

void diag_flush_all(struct diag *d)
{
	for (size_t i = 0; i < d->threads.cap; i++) {
		struct diag_thread *th = diag_thread_at(&d->threads, i);
		if (th)
			pending_flush(d, th);
	}
}

void diag_forget_process(struct diag *d, pid_t tgid)
{
	for (size_t i = 0; i < d->threads.cap; i++) {
		struct diag_thread *th = diag_thread_at(&d->threads, i);
		if (!th || (th->tgid != tgid && !(th->pending.set && th->pending.tgid == tgid)))
			continue;
		pending_drop(th);
		th->zero_streak = 0;
		th->away = false;
		th->seen = false;
	}
}

void diag_free(struct diag *d)
{
	for (size_t i = 0; i < d->threads.cap; i++) {
		struct diag_thread *th = diag_thread_at(&d->threads, i);
		if (th) {
			pending_drop(th);
			thread_free(th);
		}
	}
	u64_map_free(&d->threads);
	for (int k = 0; k < DIAG_NKINDS; k++)
		u64_map_free(&d->warned[k]);
}

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

bool diag_repeat(struct diag *d, enum diag_kind kind, uint64_t inst_id, int fd)
{
	if (!u64_map_get(&d->warned[kind], occurrence(inst_id, fd), NULL))
		return false;
	d->counts[kind].repeats++;
	return true;
}

/* w, of kind about inst_id, unless that occurrence was reported. */
static void report(struct diag *d, enum diag_kind kind, uint64_t inst_id, struct model_warning *w)
{
	if (diag_repeat(d, kind, inst_id, w->fd))
		return;
	u64_map_put(&d->warned[kind], occurrence(inst_id, w->fd), 1);
	d->counts[kind].warned++;
	w->kind = diag_kinds[kind].name;
	w->advice = diag_kinds[kind].advice;
	d->out->warning(d->out->ctx, w);
}

void diag_report_id(struct diag *d, enum diag_kind kind, uint64_t inst_id,
		    pid_t tgid, int epfd, int fd, const char *evidence)
{
	struct model_warning w = { .pid = tgid, .epfd = epfd, .fd = fd, .evidence = evidence };
	report(d, kind, inst_id, &w);
}

void diag_report(struct diag *d, enum diag_kind kind, const struct ep_instance *inst,
		 pid_t tgid, int epfd, int fd, const char *evidence)
{
	diag_report_id(d, kind, inst->id, tgid, epfd, fd, evidence);
}

void diag_report_away(struct diag *d, enum diag_kind kind, const struct ep_instance *inst,
		      const struct diag_thread *th, int fd, const char *evidence)
{
	struct model_warning w = {
		.pid = th->tgid, .epfd = th->epfd, .fd = fd, .evidence = evidence,
		.tid = th->tid, .abi = th->abi,
	};
	report(d, kind, inst->id, &w);
}

void pending_hold(struct diag_thread *th, enum diag_kind kind, const struct ep_instance *inst,
		  pid_t tgid, int epfd, int fd, int op, struct strbuf *evidence)
{
	th->pending = (struct pending_warning) {
		.set = true, .kind = kind, .inst_id = inst->id, .tgid = tgid,
		.epfd = epfd, .fd = fd, .op = op,
		.evidence = xstrndup(sb_str(evidence), strlen(sb_str(evidence))),
	};
}

void pending_recovered(struct diag *d, struct diag_thread *th)
{
	d->counts[th->pending.kind].recovered++;
	pending_drop(th);
}

void pending_flush(struct diag *d, struct diag_thread *th)
{
	struct pending_warning *w = &th->pending;
	if (!w->set)
		return;
	diag_report_id(d, w->kind, w->inst_id, w->tgid, w->epfd, w->fd, w->evidence);
	pending_drop(th);
}

void diag_kind_counts(const struct diag *d, struct model_kind_count *counts)
{
	for (int k = 0; k < DIAG_NKINDS; k++)
		counts[k] = (struct model_kind_count) {
			.kind = diag_kinds[k].name,
			.warned = d->counts[k].warned,
			.repeats = d->counts[k].repeats,
			.recovered = d->counts[k].recovered,
		};
}
