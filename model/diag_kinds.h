/*
 * The event-loop bugs epolltrace names.  A kind's name is stable: it is
 * what users grep for and what the man page documents.
 */
#ifndef EPOLLTRACE_MODEL_DIAG_KINDS_H
#define EPOLLTRACE_MODEL_DIAG_KINDS_H

enum diag_kind {
	DIAG_CTL_EEXIST,
	DIAG_CTL_ENOENT,
	DIAG_CLOSED_WHILE_REGISTERED,
	DIAG_STALE_EVENT,
	DIAG_ONESHOT_NOT_REARMED,
	DIAG_ET_BLOCKING_FD,
	DIAG_LEVEL_NOT_CONSUMED,
	DIAG_SPIN_LOOP,
	DIAG_MAXEVENTS_SATURATED,
	DIAG_THUNDERING_HERD,
	DIAG_SHARED_ACROSS_FORK,
	DIAG_EPERM_UNPOLLABLE,
	DIAG_EXCLUSIVE_MISUSE,
	DIAG_NESTED_LOOP,
	DIAG_LOOP_BLOCKED,
	DIAG_NKINDS
};

struct diag_kind_info {
	const char *name;
	/* One sentence: why it is a bug, and the usual fix. */
	const char *advice;
};

extern const struct diag_kind_info diag_kinds[DIAG_NKINDS];

#endif
