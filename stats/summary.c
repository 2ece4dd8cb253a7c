#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats/summary.h"

/* strace's -S names, with the aliases strace takes for them. */
static const struct {
	const char *name;
	enum summary_sort sort;
} sort_names[] = {
	{ "time", SORT_BY_TIME }, { "time_percent", SORT_BY_TIME },
	{ "time-percent", SORT_BY_TIME }, { "time_total", SORT_BY_TIME },
	{ "time-total", SORT_BY_TIME }, { "total_time", SORT_BY_TIME },
	{ "total-time", SORT_BY_TIME },
	{ "calls", SORT_BY_CALLS }, { "count", SORT_BY_CALLS },
	{ "errors", SORT_BY_ERRORS }, { "error", SORT_BY_ERRORS },
	{ "name", SORT_BY_NAME }, { "syscall", SORT_BY_NAME },
	{ "syscall_name", SORT_BY_NAME }, { "syscall-name", SORT_BY_NAME },
	{ "nothing", SORT_BY_NOTHING }, { "none", SORT_BY_NOTHING },
};

int summary_sort_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++)
		if (strcmp(sort_names[i].name, name) == 0)
			return (int) sort_names[i].sort;
	return -1;
}

static size_t desc_index(const struct syscall_desc *desc)
{
	for (size_t i = 0; i < nsyscall_descs; i++)
		if (syscall_descs[i] == desc)
			return i;
	abort();
}

static struct call_counts *counts_of(struct summary *s, const struct abi *abi)
{
	for (size_t i = 0; i < s->ntables; i++)
		if (s->tables[i].abi == abi)
			return s->tables[i].counts;
	if (s->ntables == SUMMARY_MAX_ABIS)
		abort();
	struct abi_counts *t = &s->tables[s->ntables++];
	t->abi = abi;
	t->counts = calloc(nsyscall_descs, sizeof(*t->counts));
	if (!t->counts)
		abort();
	return t->counts;
}

void summary_add(struct summary *s, const struct syscall_call *call, uint64_t ns)
{
	struct call_counts *c = &counts_of(s, call->abi)[desc_index(call->desc)];
	c->calls++;
	c->errors += call->is_error;
	c->ns += ns;
}

static int cmp_u64(uint64_t a, uint64_t b)
{
	return (a > b) - (a < b);
}

/*
 * Below zero when a goes above b: by the sort's key, larger first (names
 * in order), and by syscall number among equals, as strace's table.
 */
static int compare(const struct summary_row *a, const struct summary_row *b,
		   enum summary_sort sort)
{
	int by_key = 0;
	switch (sort) {
	case SORT_BY_TIME: by_key = cmp_u64(b->c->ns, a->c->ns); break;
	case SORT_BY_CALLS: by_key = cmp_u64(b->c->calls, a->c->calls); break;
	case SORT_BY_ERRORS: by_key = cmp_u64(b->c->errors, a->c->errors); break;
	case SORT_BY_NAME: by_key = strcmp(a->name, b->name); break;
	case SORT_BY_NOTHING: break;
	}
	return by_key ? by_key : (a->nr > b->nr) - (a->nr < b->nr);
}

/* Insertion: a table has a handful of rows. */
static void sort_rows(struct summary_row *rows, size_t n, enum summary_sort sort)
{
	for (size_t i = 1; i < n; i++) {
		struct summary_row r = rows[i];
		size_t j = i;
		for (; j > 0 && compare(&r, &rows[j - 1], sort) < 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = r;
	}
}

static int digits(uint64_t v)
{
	return snprintf(NULL, 0, "%" PRIu64, v);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* strace's column widths: its historical minimums, or wider for the values. */
struct widths {
	int seconds, usecs, calls, errors, name;
};

static double seconds(uint64_t ns)
{
	return (double) ns / 1e9;
}

static void print_rule(struct strbuf *out, const struct widths *w)
{
	const int cols[] = { 6, w->seconds, w->usecs, w->calls, w->errors, w->name };
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		if (i)
			sb_putc(out, ' ');
		for (int j = 0; j < cols[i]; j++)
			sb_putc(out, '-');
	}
	sb_putc(out, '\n');
}

/* A row; strace leaves a zero error count blank. */
static void print_row(struct strbuf *out, const struct widths *w, double percent,
		      const struct call_counts *c, const char *name)
{
	sb_printf(out, "%6.2f %*.6f %*" PRIu64 " %*" PRIu64 " ",
		  percent, w->seconds, seconds(c->ns), w->usecs,
		  c->calls ? c->ns / c->calls / 1000 : 0, w->calls, c->calls);
	if (c->errors)
		sb_printf(out, "%*" PRIu64, w->errors, c->errors);
	else
		sb_printf(out, "%*s", w->errors, "");
	sb_printf(out, " %s\n", name);
}

static void print_table(struct strbuf *out, const struct abi_counts *t, enum summary_sort sort)
{
	struct summary_row *rows = calloc(nsyscall_descs, sizeof(*rows));
	if (!rows)
		abort();
	size_t n = 0;
	struct call_counts total = { 0 };
	uint64_t max_avg_us = 0;
	int name_len = 0;
	for (size_t i = 0; i < nsyscall_descs; i++) {
		const struct call_counts *c = &t->counts[i];
		if (!c->calls)
			continue;
		const char *name = syscall_descs[i]->name;
		rows[n++] = (struct summary_row) { name, abi_syscall_nr(t->abi, name), c };
		total.calls += c->calls;
		total.errors += c->errors;
		total.ns += c->ns;
		if (c->ns / c->calls / 1000 > max_avg_us)
			max_avg_us = c->ns / c->calls / 1000;
		name_len = max_int(name_len, (int) strlen(name));
	}
	sort_rows(rows, n, sort);

	struct widths w = {
		.seconds = max_int(11, snprintf(NULL, 0, "%.6f", seconds(total.ns))),
		.usecs = max_int(11, digits(max_avg_us)),
		.calls = max_int(9, digits(total.calls)),
		.errors = max_int(9, digits(total.errors)),
		.name = max_int(16, name_len + 1),
	};
	sb_printf(out, "%6s %*s %*s %*s %*s %s\n", "% time", w.seconds, "seconds",
		  w.usecs, "usecs/call", w.calls, "calls", w.errors, "errors", "syscall");
	print_rule(out, &w);
	for (size_t i = 0; i < n; i++) {
		/* strace's 0/0 guard: no time at all is 0 percent. */
		double percent = rows[i].c->ns ? 100.0 * (double) rows[i].c->ns / (double) total.ns : 0.0;
		print_row(out, &w, percent, rows[i].c, rows[i].name);
	}
	print_rule(out, &w);
	print_row(out, &w, 100.0, &total, "total");
	free(rows);
}

/* strace's personality order: the tracer's own ABI first, untitled. */
static bool native(const struct abi *abi)
{
	return abi->word_size == sizeof(long);
}

void summary_print(struct strbuf *out, const struct summary *s, enum summary_sort sort)
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->ntables; i++) {
			const struct abi_counts *t = &s->tables[i];
			if (native(t->abi) != (pass == 0))
				continue;
			if (pass)
				sb_printf(out, "System call usage summary for %s mode:\n",
					  abi_mode_name(t->abi));
			print_table(out, t, sort);
		}
}

size_t summary_merged_rows(const struct summary *s, enum summary_sort sort,
			   struct call_counts *merged, struct summary_row *rows)
{
	for (size_t i = 0; i < nsyscall_descs; i++)
		merged[i] = (struct call_counts) { 0 };
	for (size_t t = 0; t < s->ntables; t++)
		for (size_t i = 0; i < nsyscall_descs; i++) {
			merged[i].calls += s->tables[t].counts[i].calls;
			merged[i].errors += s->tables[t].counts[i].errors;
			merged[i].ns += s->tables[t].counts[i].ns;
		}
	size_t n = 0;
	for (size_t i = 0; i < nsyscall_descs; i++)
		if (merged[i].calls) {
			const char *name = syscall_descs[i]->name;
			/* Ties go by the host's numbers, as its own table's. */
			rows[n++] = (struct summary_row) { name, abi_syscall_nr(&abi_x86_64, name),
							   &merged[i] };
		}
	sort_rows(rows, n, sort);
	return n;
}

void summary_free(struct summary *s)
{
	for (size_t i = 0; i < s->ntables; i++)
		free(s->tables[i].counts);
	*s = (struct summary) { 0 };
}
