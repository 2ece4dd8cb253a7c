#include <errno.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "trace/ebpf_backend.h"
#include "trace/engine_internal.h"
#include "trace/uffd_watch.h"

/* No EXITKILL: a process we attached to must outlive epolltrace. */
#define ATTACH_OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACECLONE |	\
			PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |	\
			PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT)

static int seize_and_stop(struct engine *e, pid_t tid)
{
	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *) (long) ATTACH_OPTIONS) < 0)
		return -1;
	task_get(&e->tasks, tid)->announced = true;
	/* The stop lets us restart it with PTRACE_SYSCALL. */
	ptrace(PTRACE_INTERRUPT, tid, NULL, NULL);
	return 0;
}

/* A thread that exits meanwhile (ESRCH) needs no tracing. */
static bool seize_thread(struct engine *e, pid_t pid, pid_t tid)
{
	(void) pid;
	return seize_and_stop(e, tid) == 0;
}

/* Seizes the threads not traced yet; how many, or -1 when the process is gone. */
static int seize_new_threads(struct engine *e, pid_t pid)
{
	return engine_take_new_threads(e, pid, seize_thread);
}

/*
 * Waits for each new task's first stop and keeps it stopped, so that what
 * /proc shows of the process stays still until engine_run.
 */
static void hold_new_tasks(struct engine *e)
{
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next) {
			if (t->held)
				continue;
			int status;
			pid_t got;
			while ((got = waitpid(t->tid, &status, __WALL)) < 0 && errno == EINTR)
				;
			if (got == t->tid) {
				t->held = true;
				t->held_status = status;
			}
		}
	}
}

int engine_attach(struct engine *e, pid_t pid, size_t *nthreads, int *err)
{
	if (e->ebpf)
		return ebpf_attach(e, pid, nthreads, err);
	e->seccomp_mode = false;
	size_t before = e->tasks.count;
	if (!task_find(&e->tasks, pid) && seize_and_stop(e, pid) < 0) {
		*err = errno;
		return -1;
	}
	/*
	 * Threads started before their creator was seized are not followed
	 * by the kernel: scan until a pass finds none.
	 */
	while (seize_new_threads(e, pid) > 0)
		;
	hold_new_tasks(e);
	uffd_watch_attached(pid);
	*nthreads = e->tasks.count - before;
	return 0;
}
