/* A thread's execve as both backends tell it. */
#include <stdlib.h>

#include "trace/engine_internal.h"

struct task *engine_supersede(struct engine *e, struct task *leader, pid_t former_tid)
{
	struct task *exec_thread = task_find(&e->tasks, former_tid);
	if (former_tid == leader->tid || !exec_thread)
		return leader;
	task_unlink(&e->tasks, leader);
	task_rekey(&e->tasks, exec_thread, leader->tid);
	e->hooks.superseded(e->hooks.ctx, leader, exec_thread, former_tid);
	free(leader);
	/* Whatever the execve thread was waiting for ended with the exec. */
	exec_thread->awaiting_exit = false;
	return exec_thread;
}
