/*
 * Connects the engine to the decoders and the printer: what each stop
 * prints.
 */
#ifndef EPOLLTRACE_APP_SESSION_H
#define EPOLLTRACE_APP_SESSION_H

#include "app/options.h"
#include "app/wait_events.h"
#include "decode/decoder.h"
#include "decode/epoll_event.h"
#include "fdname/fd_name_cache.h"
#include "model/epoll_model.h"
#include "output/trace_output.h"
#include "stack/stack_trace.h"
#include "stats/epoll_stats.h"
#include "trace/engine.h"

/*
 * The last read of tracee memory, kept for the reads that repeat it within
 * one stop: the largest is a whole chunk of a wait's events, as
 * wait_events_of reads them, so that its line and the array the filter,
 * -c and the model use share one read.
 */
#define READ_CACHE_MAX (EVENTS_PER_READ * EPOLL_EVENT_MAX_SIZE)

struct read_cache {
	bool valid;
	pid_t tid;		/* whose memory */
	uint64_t addr;
	size_t len;
	unsigned char *bytes;	/* room for cap bytes, grown as reads need */
	size_t cap;
};

struct session {
	const struct options *opts;
	struct decode_opts decode_opts;
	/* Text or JSON, chosen once; the printer. */
	struct trace_output out;
	struct engine *engine;
	/* -p: the tracees are let go, not killed, when we are done. */
	bool attaching;
	/* strace gives a new task the ABI of the last one that changed. */
	const struct abi *last_abi;
	/* -c, -C: what the summary at the end counts. */
	struct summary summary;
	struct epoll_stats epoll_stats;
	/* -k: the files' symbols; NULL without -k. */
	struct stack_tracer *stacks;
	struct model *model;
	/* A wait's returned events, read once per stop for all that use them. */
	struct wait_events wait_events;
	/* The calls that end fds stop (-p, --diagnose): the model is told of them. */
	bool model_sees_closes;
	/* -y's names, kept while every end of an fd is seen (see fd_name_cache.h). */
	bool names_kept;
	struct fd_name_cache fd_name_cache;
	/* -ff: the printers of the tasks' own files (task_files.c). */
	struct trace_output **task_outputs;
	size_t ntask_outputs, task_outputs_cap;
	/* Valid within one stop: call_entry and call_exit forget it. */
	struct read_cache last_read;
	/* --top's view; NULL without it. */
	struct top *top;
	/* --backend=bpf: calls lost, by enum engine_loss. */
	uint64_t calls_lost[ENGINE_NLOSSES];
	/* ... and children not traced when its table of processes was full. */
	uint64_t children_untraced;
	/* -k: the stack of the call the model is being told of, or NULL. */
	struct task_stack *feeding_stack;
	/* -k: where the model's output goes after away_stacks.c took the stack of a thread away. */
	struct model_output model_next;
	struct task_stack *away_stack;	/* the last such stack; NULL before one */
	/*
	 * A task was let go: the detach that follows goes on through several
	 * tasks, however few are left, so each line it ends names its task.
	 */
	bool detached_one;
	/* --duration: when -p lets go by itself (CLOCK_MONOTONIC, µs), or 0. */
	uint64_t detach_at_usec;
	/* --dump was taken at the detach's pause, while the tracees stood still. */
	bool dumped_at_detach;
};

void session_init(struct session *s, const struct options *opts, FILE *out);
void session_free(struct session *s);
/* The end of the run (the command exited, or -p detached): -c's and -C's summary. */
void session_finish(struct session *s);
struct engine_hooks session_hooks(struct session *s);
/*
 * Starts the session's clock (--duration, --diagnose's look at loops
 * that do not wait), once the engine exists; false with errno set when
 * its timer cannot be had.
 */
bool session_start_clock(struct session *s);
/* The epoll instances pid had before we came: their interest lists, printed and learnt. */
void session_print_interest_lists(struct session *s, pid_t pid);

#endif
