#include <stdlib.h>

#include "model/diag_kinds.h"
#include "output/epoll_stats_json.h"
#include "output/json_lines.h"
#include "output/summary_json.h"

/* The fields of a row of strace's table; percent of the time of all calls. */
static void emit_counts(struct emitter *em, const struct call_counts *c, uint64_t total_ns)
{
	emit_uint_field(em, "calls", c->calls);
	emit_uint_field(em, "errors", c->errors);
	emit_field(em, "seconds");
	emit_seconds(em, (int64_t) c->ns);
	emit_uint_field(em, "usecs_per_call", c->calls ? c->ns / c->calls / 1000 : 0);
	/* strace's 0/0 guard: no time at all is 0 percent. */
	double percent = c->ns ? 100.0 * (double) c->ns / (double) total_ns : 0.0;
	emit_field(em, "percent");
	emit_fixed(em, (int64_t) (percent * 100 + 0.5), 2);
}

static void emit_calls(struct emitter *em, const struct run_summary *r)
{
	struct call_counts *merged = calloc(nsyscall_descs, sizeof(*merged));
	struct summary_row *rows = calloc(nsyscall_descs, sizeof(*rows));
	if (!merged || !rows)
		abort();
	size_t n = summary_merged_rows(r->calls, r->sort_by, merged, rows);
	struct call_counts total = { 0 };
	for (size_t i = 0; i < n; i++) {
		total.calls += rows[i].c->calls;
		total.errors += rows[i].c->errors;
		total.ns += rows[i].c->ns;
	}
	emit_field(em, "syscalls");
	emit_array_begin(em);
	for (size_t i = 0; i < n; i++) {
		emit_struct_begin(em);
		emit_string_field(em, "syscall", rows[i].name);
		emit_counts(em, rows[i].c, total.ns);
		emit_struct_end(em);
	}
	emit_array_end(em);
	emit_field(em, "total");
	emit_struct_begin(em);
	emit_counts(em, &total, total.ns);
	emit_struct_end(em);
	free(merged);
	free(rows);
}

/* The kinds seen, as the text's table by kind. */
static void emit_diagnostics(struct emitter *em, const struct model_kind_count *counts)
{
	emit_field(em, "diagnostics");
	emit_array_begin(em);
	for (int k = 0; k < DIAG_NKINDS; k++) {
		if (!counts[k].warned && !counts[k].recovered)
			continue;
		emit_struct_begin(em);
		emit_string_field(em, "kind", counts[k].kind);
		emit_uint_field(em, "warnings", counts[k].warned);
		emit_uint_field(em, "repeats", counts[k].repeats);
		emit_uint_field(em, "recovered", counts[k].recovered);
		emit_struct_end(em);
	}
	emit_array_end(em);
}

void summary_json_print(struct printer *p, const struct run_summary *r)
{
	if (!r->calls && !r->kinds)
		return;
	struct json_line l;
	json_line_begin(&l, "summary");
	if (r->calls) {
		emit_calls(&l.em, r);
		emit_field(&l.em, "epoll");
		emit_epoll_stats(&l.em, r->epoll);
		if (r->calls_lost)
			emit_uint_field(&l.em, "calls_lost", calls_lost_total(r));
		if (r->children_untraced)
			emit_uint_field(&l.em, "processes_untraced", *r->children_untraced);
	}
	if (r->kinds)
		emit_diagnostics(&l.em, r->kinds);
	/* -c mutes the trace until its summary. */
	json_line_end_unmuted(&l, p);
}
