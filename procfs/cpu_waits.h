/*
 * How long each thread of a process has waited for a CPU: ready to run
 * while no CPU took it (schedstat's second field), all told.  The kernel
 * adds a wait to that only as it ends, when the thread is given a CPU, so
 * a thread waiting now shows none of its wait yet: whether it is ready to
 * run, and whether it has been given a CPU since an earlier look, tell of
 * it.
 */
#ifndef EPOLLTRACE_PROCFS_CPU_WAITS_H
#define EPOLLTRACE_PROCFS_CPU_WAITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct thread_cpu_wait {
	pid_t tid;
	uint64_t ns;		/* its waits that have ended */
	uint64_t ran_ns;	/* the CPU time it has had */
	uint64_t slices;	/* the times it was given a CPU */
	bool ready;		/* ready to run ('R'): on a CPU, or waiting for one */
	/* Not read: when its reader has it ready to run since, on a CPU or not. */
	int64_t ready_since_ns;
};

struct cpu_waits {
	struct thread_cpu_wait *threads;	/* by tid, rising */
	size_t n, cap;
	/*
	 * The calling thread's own (epolltrace's): a thread held at a stop
	 * waits for the tracer, which may itself wait for a CPU.  It runs
	 * as it reads this, so none of its waits is still to be added.
	 */
	uint64_t tracer_ns;
};

/*
 * Reads tgid's threads' waits into out (its array reused); false when the
 * process is gone.  A thread that ends meanwhile is left out.
 */
bool proc_cpu_waits(pid_t tgid, struct cpu_waits *out);

/* tid's entry in w; NULL when it has none. */
const struct thread_cpu_wait *cpu_waits_find(const struct cpu_waits *w, pid_t tid);

/* to becomes a copy of from (its array reused). */
void cpu_waits_copy(struct cpu_waits *to, const struct cpu_waits *from);

void cpu_waits_free(struct cpu_waits *w);

#endif
