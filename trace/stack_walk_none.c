/*
 * Built without libunwind-ptrace: -k is refused before any walker is
 * asked for, and this says so should one be asked for anyway.
 */
#include <stdlib.h>

#include "trace/stack_walk.h"

struct stack_walker *stack_walker_new(void)
{
	return NULL;
}

void stack_walker_free(struct stack_walker *w)
{
	(void) w;
}

void stack_walker_forget(struct stack_walker *w)
{
	(void) w;
}

static const char no_walker[] = "epolltrace was built without libunwind-ptrace";

struct stack_walk stack_walker_walk(struct stack_walker *w, struct task *t,
				    uint64_t *ips, size_t max)
{
	(void) w, (void) t, (void) ips, (void) max;
	return (struct stack_walk) { .error = no_walker };
}

struct stack_walk stack_walker_walk_asleep(struct stack_walker *w, pid_t tid, uint64_t pc,
					   uint64_t sp, uint64_t *ips, size_t max)
{
	(void) w, (void) tid, (void) pc, (void) sp, (void) ips, (void) max;
	return (struct stack_walk) { .error = no_walker };
}
