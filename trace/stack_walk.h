/*
 * The return addresses of a stopped task: where it is, then where each
 * caller resumes.  Generic: nothing here knows which call stopped it.
 */
#ifndef EPOLLTRACE_TRACE_STACK_WALK_H
#define EPOLLTRACE_TRACE_STACK_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/engine.h"

/*
 * One per traced task: the unwinder caches what it learnt of the code (by
 * address), which holds only while the task runs the same program.
 */
struct stack_walker;

/* NULL when the unwinder cannot be set up. */
struct stack_walker *stack_walker_new(void);
void stack_walker_free(struct stack_walker *w);
/* The task's code changed (execve): drop what was learnt of it. */
void stack_walker_forget(struct stack_walker *w);

struct stack_walk {
	size_t count;		/* addresses in ips[], the task's own first */
	bool truncated;		/* there were more frames than ips[] holds */
	/* Why the walk stopped early, or NULL: it reached the outermost frame. */
	const char *error;
};

/*
 * Walks the stack of t, which must be in a ptrace stop and run the host's
 * native ABI, into ips[max].
 */
struct stack_walk stack_walker_walk(struct stack_walker *w, struct task *t,
				    uint64_t *ips, size_t max);
/*
 * The same for thread tid, which is not stopped but asleep, at pc with its
 * stack at sp (as /proc/PID/task/TID/syscall gives them), without stopping
 * it: a call from a frame that needs another register to find its caller
 * ends the walk there.  Its stack may change under the walk, should it
 * wake: the caller checks that it did not.
 */
struct stack_walk stack_walker_walk_asleep(struct stack_walker *w, pid_t tid, uint64_t pc,
					   uint64_t sp, uint64_t *ips, size_t max);

#endif
