/*
 * -k: each traced call's stack, taken at its entry while the task is
 * stopped and printed after its line, as strace -k prints it.
 */
#ifndef EPOLLTRACE_STACK_STACK_TRACE_H
#define EPOLLTRACE_STACK_STACK_TRACE_H

#include "arch/abi.h"
#include "stack/frame_list.h"
#include "trace/engine.h"

/* One per session: the symbol tables of every file seen. */
struct stack_tracer;
/* One per task: its mappings, its unwinder, the lines of its last stack. */
struct task_stack;

struct stack_tracer *stack_tracer_new(void);
void stack_tracer_free(struct stack_tracer *tr);

/*
 * Takes the stack of t, stopped in a call made in abi, into *ts (made on
 * first use): the frames' lines, or one saying why there are none.
 */
void stack_trace_capture(struct stack_tracer *tr, struct task_stack **ts, struct task *t,
			 const struct abi *abi);
/*
 * The same for thread tid of tgid, found asleep (in a system call, or
 * outside one) while not stopped, in its ABI abi: walked from where
 * /proc/tgid/task/tid/syscall says it sleeps, without stopping it, and
 * dropped if it woke meanwhile.  A thread that runs has none.
 */
void stack_trace_capture_asleep(struct stack_tracer *tr, struct task_stack **ts, pid_t tgid,
				pid_t tid, const struct abi *abi);
/* The lines of the last capture, each ending in a newline; "" if none. */
const char *stack_trace_text(struct task_stack *ts);
/*
 * The same frames as data (--json), valid until the next capture;
 * *error says why there are none, *truncated that there were more.
 */
const struct stack_frame *stack_trace_frames(struct task_stack *ts, size_t *count,
					     const char **error, bool *truncated);

/* t runs a new program (execve): its mappings and code are not the same. */
void task_stack_forget(struct task_stack *ts);
void task_stack_free(struct task_stack *ts);

#endif
