/*
 * What the trace writes, as text or as JSON Lines: one table of operations
 * per format, chosen once when the session starts, so that nothing else
 * asks which format it is.  The operations take the printer and plain
 * data, never the session.
 */
#ifndef EPOLLTRACE_OUTPUT_TRACE_OUTPUT_H
#define EPOLLTRACE_OUTPUT_TRACE_OUTPUT_H

#include <signal.h>
#include <stdint.h>

#include "decode/decoder.h"
#include "model/epoll_model.h"
#include "output/printer.h"
#include "stack/stack_trace.h"
#include "stats/epoll_stats.h"
#include "stats/summary.h"
#include "trace/engine.h"

/* The task a line is about. */
struct task_ref {
	const void *owner;	/* the printer's owner of the task's lines */
	pid_t pid;		/* its process; 0 unless the format wants_pid */
	pid_t tid;
	bool several;		/* more than one task is traced: lines name theirs */
};

/* One call's line, from its entry to its exit. */
struct call_line {
	const struct syscall_call *call;
	/*
	 * Kept in pending and printed whole at exit, or not at all: -z, -Z,
	 * -c and the filters only the result can decide.
	 */
	bool deferred;
	/* The entry printed everything but the return value. */
	bool decoded_at_entry;
	/* -e inject= made up the result: " (INJECTED)", as strace; else delayed it: " (DELAYED)". */
	bool injected, delayed;
	/* strace starts the next exit on a line of its own after an exec took over the pid. */
	bool reprint;
	struct strbuf pending;
	/* The decoders' emitter, from the call's entry to its exit. */
	struct emitter em;
	struct emit_names names;	/* --json: the fds the call named (-y) */
	struct task_stack *stack;	/* -k: the call's stack, taken at its entry */
};

/* How a call ended without its exit stop. */
enum call_cut { CALL_TASK_EXITED, CALL_TASK_DETACHED };

/* What the end of the run sums up. */
struct run_summary {
	const struct summary *calls;		/* -c, -C; NULL without */
	enum summary_sort sort_by;
	const struct epoll_stats *epoll;
	/* --diagnose: DIAG_NKINDS counts (model/diag_kinds.h); NULL without. */
	const struct model_kind_count *kinds;
	/* --backend=bpf: the calls it lost, by enum engine_loss (loss_reasons); NULL under ptrace. */
	const uint64_t *calls_lost;
	/* ... and the children its table of processes had no room for. */
	const uint64_t *children_untraced;
};

/* What the trace says of each enum engine_loss: "1234 calls lost (ring buffer full)". */
extern const char *const loss_reasons[ENGINE_NLOSSES];
/* The calls r says were lost, for every reason. */
uint64_t calls_lost_total(const struct run_summary *r);

struct trace_output;

struct output_ops {
	bool wants_pid;		/* every task_ref has its pid */
	bool wants_duration;	/* every call's end is given the time it took */
	/* "name(" and what the entry decoder emits; sets decoded_at_entry. */
	void (*call_begin)(struct trace_output *o, const struct task_ref *t, struct call_line *l);
	/* The exit's arguments and the result; ns, the time the call took. */
	void (*call_end)(struct trace_output *o, const struct task_ref *t, struct call_line *l,
			 int64_t ns);
	/* A call whose exit never comes. */
	void (*call_cut)(struct trace_output *o, const struct task_ref *t, struct call_line *l,
			 enum call_cut how, int64_t ns);
	void (*signal)(struct trace_output *o, const struct task_ref *t, const siginfo_t *si);
	void (*stopped)(struct trace_output *o, const struct task_ref *t, int sig);
	void (*exited)(struct trace_output *o, const struct task_ref *t, int status);
	/* t, the leader, is gone; the thread former_tid runs on under its pid. */
	void (*superseded)(struct trace_output *o, const struct task_ref *t, pid_t former_tid);
	void (*personality)(struct trace_output *o, const struct task_ref *t,
			    const struct abi *abi);
	/* The attach header: the interest lists pid had before we came. */
	void (*interest_lists)(struct trace_output *o, pid_t pid);
	/* What the model reports (warnings, dumps), written through o. */
	struct model_output (*model_output)(struct trace_output *o);
	void (*summary)(struct trace_output *o, const struct run_summary *r);
};

struct trace_output {
	const struct output_ops *ops;
	struct printer printer;
	bool colour;		/* --color, decided once */
	bool call_times;	/* -T */
	bool stacks;		/* -k */
	/* -k: the stack of the thread the warning being written is about, or NULL. */
	struct task_stack *warning_stack;
	enum const_style const_style;	/* -X, for the lines without a call's emitter */
};

extern const struct output_ops text_output_ops;
extern const struct output_ops json_output_ops;

#endif
