/*
 * The call summary of -c and -C: calls, errors and time per syscall,
 * printed as strace -c prints it, one table per ABI (strace's
 * personalities).
 */
#ifndef EPOLLTRACE_STATS_SUMMARY_H
#define EPOLLTRACE_STATS_SUMMARY_H

#include <stdint.h>

#include "decode/decoder.h"
#include "util/strbuf.h"

/* -S: the order of the rows. */
enum summary_sort {
	SORT_BY_TIME,
	SORT_BY_CALLS,
	SORT_BY_ERRORS,
	SORT_BY_NAME,
	SORT_BY_NOTHING,	/* syscall number order, as strace */
};

/* The sort strace's -S takes name (or an alias of it) for; -1 if none. */
int summary_sort_by_name(const char *name);

struct call_counts {
	uint64_t calls;
	uint64_t errors;
	uint64_t ns;		/* entry stop to exit stop, summed */
};

/* One table: the counts of one ABI, indexed as syscall_descs[]. */
struct abi_counts {
	const struct abi *abi;
	struct call_counts *counts;
};

/* x86-64 and i386, and room for the other ABIs arch/ knows. */
#define SUMMARY_MAX_ABIS 4

struct summary {
	struct abi_counts tables[SUMMARY_MAX_ABIS];
	size_t ntables;
};

/* One completed call (call->is_error set) that took ns nanoseconds. */
void summary_add(struct summary *s, const struct syscall_call *call, uint64_t ns);

/* The tables, strace's text; nothing when no call was counted. */
void summary_print(struct strbuf *out, const struct summary *s, enum summary_sort sort);

/* One row of a table: a syscall and its counts. */
struct summary_row {
	const char *name;
	long nr;
	const struct call_counts *c;
};

/*
 * For the JSON summary: the counts of each syscall called, added up over
 * the ABIs into merged (room for nsyscall_descs), and rows (as many) for
 * them in the order of sort.  Returns how many rows.
 */
size_t summary_merged_rows(const struct summary *s, enum summary_sort sort,
			   struct call_counts *merged, struct summary_row *rows);

void summary_free(struct summary *s);

#endif
