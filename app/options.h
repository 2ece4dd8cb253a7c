/* What the command line asks of a session: the settings it obeys. */
#ifndef EPOLLTRACE_APP_OPTIONS_H
#define EPOLLTRACE_APP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "app/call_filter.h"
#include "decode/decoder.h"
#include "decode/syscall_list.h"
#include "model/epoll_model.h"
#include "output/colour.h"
#include "stats/summary.h"

/* -z, -Z: which calls by their outcome. */
enum call_outcome { OUTCOME_ANY, OUTCOME_SUCCESS, OUTCOME_FAILURE };

/* -c, -C: a call summary at the end, instead of the trace or after it. */
enum summary_mode { SUMMARY_NONE, SUMMARY_ONLY, SUMMARY_WITH_TRACE };

struct options {
	const char *outfile;		/* -o */
	unsigned int acolumn;		/* -a */
	unsigned int max_elems;		/* -s */
	bool verbose;			/* -v */
	unsigned int quiet;		/* -q, -qq, -qqq */
	unsigned int spin_usec;		/* --spin */
	enum colour_when colour;	/* --color */
	unsigned int timestamps;	/* -t, -tt, -ttt */
	bool relative_timestamps;	/* -r */
	bool syscall_times;		/* -T */
	bool fd_names;			/* -y */
	bool fd_details;		/* -yy */
	bool stack_traces;		/* -k */
	bool json;			/* --json: JSON Lines instead of text */
	enum call_outcome outcome;	/* -z, -Z */
	struct call_filter filter;	/* --epfd, --fd, --op */
	enum summary_mode summary;	/* -c, -C */
	enum summary_sort sort_by;	/* -S */
	bool summary_wall_clock;	/* -w: what epolltrace always measures */
	/* --diagnose, and the thresholds of its checks. */
	struct model_config model;
	bool dump;			/* --dump */
	/* -e trace=: which of syscall_descs[] (as many, checked there) are printed. */
	bool traced[NSYSCALL_DECODERS];
	char **command;			/* NULL with -p */
	/* -p, as given: each a PID list "12,34" still to be checked. */
	const char **pid_lists;
	size_t npid_lists;
};

#endif
