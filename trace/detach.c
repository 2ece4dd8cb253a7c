#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>

#include "trace/engine_internal.h"
#include "util/clock.h"

/*
 * How long the pause waits with no new stop before it gives up on the
 * tasks still away: one in an uninterruptible sleep (a hung NFS read, a
 * parent whose vfork child was born before the attach) must not keep the
 * others stopped for ever.  Each stop that comes starts the wait anew, so
 * that a loaded machine, slow to run every task to its stop, is waited for.
 */
#define PARK_QUIET_USEC 500000

static void park(struct engine *e, struct task *t, int sig)
{
	t->parked = true;
	t->parked_sig = sig;
	e->nstill++;
	e->park_deadline = monotonic_usec() + PARK_QUIET_USEC;
}

/* The session's look, then every parked task goes; the others at their stops. */
static void end_parking(struct engine *e)
{
	e->parking = false;
	e->hooks.detach_pause(e->hooks.ctx);
	struct task **parked = calloc(e->tasks.count + 1, sizeof(*parked));
	if (!parked)
		abort();
	size_t n = 0;
	for (size_t i = 0; i < e->tasks.nbuckets; i++)
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			if (t->parked)
				parked[n++] = t;
	for (size_t i = 0; i < n; i++) {
		struct task *t = parked[i];
		t->parked = false;
		if (!engine_detach_at_stop(e, t, t->parked_sig))
			ptrace(PTRACE_SYSCALL, t->tid, NULL, (void *) (long) t->parked_sig);
	}
	free(parked);
}

static bool parking_over(const struct engine *e, uint64_t now)
{
	return e->nstill >= e->tasks.count || now >= e->park_deadline;
}

void engine_parking_check(struct engine *e)
{
	if (e->parking && parking_over(e, monotonic_usec()))
		end_parking(e);
}

int engine_parking_wait_ms(const struct engine *e)
{
	if (!e->parking)
		return -1;
	uint64_t now = monotonic_usec();
	return parking_over(e, now) ? 0 : (int) ((e->park_deadline - now + 999) / 1000);
}

/*
 * A tracee can only be detached while it is stopped, so the running ones
 * are interrupted and let go at their next stop, or with a detach_pause
 * hook, once all have stopped.  Interrupting makes a blocked epoll wait
 * return EINTR; other calls restart.
 */
void engine_detach_all(struct engine *e)
{
	if (e->detaching) {
		/* Asked again (a second Ctrl-C): whoever is stopped goes now. */
		if (e->parking)
			end_parking(e);
		return;
	}
	e->detaching = true;
	/* The eBPF backend stops nothing: its loop lets every task go. */
	if (e->ebpf)
		return;
	e->parking = e->hooks.detach_pause != NULL;
	e->nstill = 0;
	e->park_deadline = monotonic_usec() + PARK_QUIET_USEC;
	for (size_t i = 0; i < e->tasks.nbuckets; i++)
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			e->nstill += t->exit_seen;
	/* A held task is stopped already: no interrupt would bring a new stop. */
	struct task **held;
	size_t n = hold_take(e, &held, false);
	for (size_t i = 0; i < n; i++)
		if (!engine_stop_at_detach(e, held[i], held[i]->held_sig))
			ptrace(PTRACE_SYSCALL, held[i]->tid, NULL, (void *) (long) held[i]->held_sig);
	free(held);
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			if (!t->parked)
				ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
	}
}

void engine_detach_all_stopped(struct engine *e)
{
	e->leave_stopped = true;
	engine_detach_all(e);
}

bool engine_stop_at_detach(struct engine *e, struct task *t, int sig)
{
	if (!e->detaching)
		return false;
	/* Woken from its parking (SIGKILL): it stays until the pause ends. */
	if (t->parked)
		return true;
	/* Its parent waits for it, unstoppable: held, it would hold the pause for ever. */
	if (e->parking && !t->vfork_child) {
		park(e, t, sig);
		return true;
	}
	return engine_detach_at_stop(e, t, sig);
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
	if (!t->announced)
		engine_remember_departed(e, t->tid);
	e->hooks.detached(e->hooks.ctx, t);
	task_remove(&e->tasks, t);
	return true;
}
