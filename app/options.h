/* What the command line asks of a session: the settings it obeys. */
#ifndef EPOLLTRACE_APP_OPTIONS_H
#define EPOLLTRACE_APP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/call_filter.h"
#include "app/inject.h"
#include "app/path_filter.h"
#include "decode/decoder.h"
#include "decode/syscall_list.h"
#include "model/epoll_model.h"
#include "output/colour.h"
#include "stats/summary.h"
#include "trace/engine.h"

/* -z, -Z, -e status=: which calls are printed, by how they ended (strace's names). */
enum call_status {
	STATUS_SUCCESSFUL = 1u << 0,
	STATUS_FAILED = 1u << 1,
	STATUS_UNFINISHED = 1u << 2,	/* the task died inside the call */
	STATUS_UNAVAILABLE = 1u << 3,	/* its result could not be had */
	STATUS_DETACHED = 1u << 4,	/* epolltrace let go of it inside the call */
	STATUS_ALL = (1u << 5) - 1,
};

/* -q, -e quiet=: epolltrace's notices left out, by strace's names. */
enum quiet_bit {
	QUIET_ATTACH = 1u << 0,		/* "Process N attached", "... detached" */
	QUIET_EXIT = 1u << 1,		/* "+++ exited with N +++" */
	QUIET_PATH_RESOLVE = 1u << 2,	/* -P: what a path was resolved to */
	QUIET_PERSONALITY = 1u << 3,	/* "[ Process PID=N runs in 32 bit mode. ]" */
	QUIET_THREAD_EXECVE = 1u << 4,	/* "+++ superseded by execve ... +++" */
};

/* -y, --decode-fds=: what is told of the file behind an fd (strace's names). */
enum decode_fd_bit {
	DECODE_FD_PATH = 1u << 0,
	DECODE_FD_SOCKET = 1u << 1,
	DECODE_FD_DEV = 1u << 2,
	DECODE_FD_EVENTFD = 1u << 3,
	DECODE_FD_PIDFD = 1u << 4,
	DECODE_FD_SIGNALFD = 1u << 5,
};

/* -c, -C: a call summary at the end, instead of the trace or after it. */
enum summary_mode { SUMMARY_NONE, SUMMARY_ONLY, SUMMARY_WITH_TRACE };

/* --top: the live view of every instance. */
struct top_options {
	bool on;
	bool batch;			/* --batch, or stdout is no terminal */
	unsigned int interval_ms;	/* --interval */
	bool trace_nowhere;		/* no -o: the trace is not written, -c's summary goes to stderr */
};

struct options {
	const char *outfile;		/* -o */
	unsigned int acolumn;		/* -a */
	unsigned int max_elems;		/* -s */
	bool verbose;			/* -v */
	enum const_style const_style;	/* -X */
	unsigned int quiet;		/* QUIET_* bits: -q, -qq, -qqq, -e quiet= */
	unsigned int follow_forks;	/* -f: 1, -ff: 2 (a file per task with -o) */
	unsigned int spin_usec;		/* --spin */
	enum engine_backend backend;	/* --backend; auto is resolved by main */
	bool backend_auto;
	enum colour_when colour;	/* --color */
	unsigned int timestamps;	/* -t, -tt, -ttt */
	bool relative_timestamps;	/* -r */
	bool syscall_times;		/* -T */
	unsigned int decode_fds;	/* DECODE_FD_* bits: --decode-fds= */
	bool fd_names;			/* -y */
	bool event_fds;			/* --event-fds: returned events' data named too */
	bool fd_details;		/* -yy */
	bool stack_traces;		/* -k */
	bool json;			/* --json: JSON Lines instead of text */
	unsigned int statuses;		/* STATUS_* bits: -z, -Z, -e status= */
	/* -e signal=: the signals whose "--- SIG... ---" lines are printed, bit sig - 1. */
	uint64_t signals;
	struct call_filter filter;	/* --epfd, --fd, --op */
	struct path_filter paths;	/* -P */
	/* -e inject=, -e fault=: as syscall_descs[]. */
	struct inject_rule inject[NSYSCALL_DECODERS];
	bool injecting;
	enum summary_mode summary;	/* -c, -C */
	enum summary_sort sort_by;	/* -S */
	bool summary_wall_clock;	/* -w: what epolltrace always measures */
	/* --diagnose, and the thresholds of its checks. */
	struct model_config model;
	bool dump;			/* --dump */
	struct top_options top;		/* --top */
	/* -e trace=: which of syscall_descs[] (as many, checked there) are printed. */
	bool traced[NSYSCALL_DECODERS];
	char **command;			/* NULL with -p */
	/* -p, as given: each a PID list "12,34" still to be checked. */
	const char **pid_lists;
	size_t npid_lists;
	bool attach_children;		/* --children: -p takes every descendant too */
	/* --duration: -p detaches by itself after this long; 0 never. */
	unsigned int duration_ms;
};

#endif
