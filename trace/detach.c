#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>

#include "trace/engine_internal.h"

/*
 * A tracee can only be detached while it is stopped, so the running ones
 * are interrupted and let go at their next stop.  Interrupting makes a
 * blocked epoll wait return EINTR; other calls restart.
 */
void engine_detach_all(struct engine *e)
{
	if (e->detaching)
		return;
	e->detaching = true;
	/* The eBPF backend stops nothing: its loop lets every task go. */
	if (e->ebpf)
		return;
	/* A held task is stopped already: no interrupt would bring a new stop. */
	struct task **held;
	size_t n = hold_take(e, &held, false);
	for (size_t i = 0; i < n; i++)
		if (!engine_detach_at_stop(e, held[i], held[i]->held_sig))
			ptrace(PTRACE_SYSCALL, held[i]->tid, NULL, (void *) (long) held[i]->held_sig);
	free(held);
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
	}
}

void engine_detach_all_stopped(struct engine *e)
{
	e->leave_stopped = true;
	engine_detach_all(e);
}

bool engine_detach_at_stop(struct engine *e, struct task *t, int sig)
{
	if (!e->detaching)
		return false;
	/*
	 * Pending while the task is in its ptrace-stop, the SIGSTOP stops its
	 * whole process once let go, or reaches a thread still traced as a
	 * signal-delivery-stop, which is let go with it.  kill(2) given a
	 * thread's id signals its process.
	 */
	if (e->leave_stopped && kill(t->tid, SIGSTOP) < 0 && errno != ESRCH)
		return false;
	/*
	 * The signal of a signal-delivery-stop goes with the detach; a
	 * group-stop is kept by the kernel itself.
	 */
	if (ptrace(PTRACE_DETACH, t->tid, NULL, (void *) (long) sig) < 0 && errno != ESRCH)
		return false;
	e->hooks.detached(e->hooks.ctx, t);
	task_remove(&e->tasks, t);
	return true;
}
