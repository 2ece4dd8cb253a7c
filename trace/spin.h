/*
 * When the engine polls for the next stop before sleeping (--spin), and
 * for how long.  Spinning saves a cross-CPU wake-up when the tracee stops
 * again at once, but takes a CPU the tracee or others could use: it is
 * worth it only while recent stops came within the window, while some CPU
 * is free, and never on a single CPU.
 */
#ifndef EPOLLTRACE_TRACE_SPIN_H
#define EPOLLTRACE_TRACE_SPIN_H

#include <stdint.h>

#include "trace/task.h"

/* How many load samples the policy remembers: 160 ms at one per 10 ms. */
#define SPIN_LOAD_SAMPLES 16

/* The decision, fed its inputs (kept apart from /proc so it can be tested). */
struct spin_policy {
	unsigned int window_usec;	/* the most to spin: --spin */
	unsigned int ncpus;		/* CPUs epolltrace may run on */
	/* Share of recent waits whose stop came within the window, in 1/256. */
	unsigned int hit_rate;
	/* Runnable tasks other than epolltrace and the tracee, in the last samples. */
	unsigned char others[SPIN_LOAD_SAMPLES];
	unsigned int next_sample;
};

void spin_policy_init(struct spin_policy *p, unsigned int window_usec, unsigned int ncpus);
/* How long to spin now; 0 to sleep at once. */
unsigned int spin_policy_window(const struct spin_policy *p);
/* A wait ended: its next stop came gap_usec after the engine began waiting. */
void spin_policy_outcome(struct spin_policy *p, uint64_t gap_usec);
/*
 * The machine had nr_running runnable tasks, epolltrace and ours of the
 * tracee's threads among them: only the rest would lose a CPU to a spin.
 */
void spin_policy_load(struct spin_policy *p, unsigned int nr_running, unsigned int ours);

/* The policy with its inputs: the clock, /proc/loadavg and the tracee's threads' states. */
struct spin {
	struct spin_policy policy;
	int loadavg_fd;			/* -1: load unknown, taken as free */
	uint64_t next_sample_usec;
	uint64_t waiting_since_usec;	/* 0: not waiting */
};

void spin_open(struct spin *s, unsigned int window_usec);
void spin_close(struct spin *s);
/* The engine, tracing tasks, found no stop at now_usec: how long to poll before sleeping. */
unsigned int spin_begin_wait(struct spin *s, uint64_t now_usec, const struct task_table *tasks);
/* The engine found a stop at now_usec, after waiting or not. */
void spin_found(struct spin *s, uint64_t now_usec);

#endif
