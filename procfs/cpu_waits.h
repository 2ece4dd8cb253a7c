/*
 * How long each thread of a process has waited for a CPU: ready to run
 * while no CPU took it (schedstat's second field), all told.
 */
#ifndef EPOLLTRACE_PROCFS_CPU_WAITS_H
#define EPOLLTRACE_PROCFS_CPU_WAITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct thread_cpu_wait {
	pid_t tid;
	uint64_t ns;
};

struct cpu_waits {
	struct thread_cpu_wait *threads;	/* by tid, rising */
	size_t n, cap;
	/*
	 * The calling thread's own (epolltrace's): a thread held at a stop
	 * waits for the tracer, which may itself wait for a CPU.
	 */
	uint64_t tracer_ns;
};

/*
 * Reads tgid's threads' waits into out (its array reused); false when the
 * process is gone.  A thread that ends meanwhile is left out.
 */
bool proc_cpu_waits(pid_t tgid, struct cpu_waits *out);

void cpu_waits_free(struct cpu_waits *w);

#endif
