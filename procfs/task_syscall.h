/* What a thread is doing now: /proc/PID/task/TID/syscall and wchan. */
#ifndef EPOLLTRACE_PROCFS_TASK_SYSCALL_H
#define EPOLLTRACE_PROCFS_TASK_SYSCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum task_activity {
	TASK_TRACE_STOPPED,	/* held at a ptrace stop: the tracer's delay, not the thread's */
	TASK_RUNNING,		/* on a CPU, or ready to be */
	TASK_OUTSIDE_CALL,	/* asleep, but not in a system call (userfaultfd, a stop) */
	/*
	 * In uninterruptible sleep outside any system call: the thread asked
	 * for nothing, the kernel works on its behalf, bringing its memory in
	 * (a major page fault: its code read from disk, a page from swap) or
	 * reclaiming some for it.
	 */
	TASK_PAGING_IN,
	TASK_IN_CALL,		/* blocked in system call nr */
};

struct task_syscall {
	enum task_activity activity;
	long nr;		/* TASK_IN_CALL: the number, in the thread's ABI */
	uint64_t args[6];
	/* Asleep (in a call or outside one): its user stack and instruction pointers. */
	uint64_t sp, pc;
	uint64_t cpu_ns;	/* the CPU time it has had, all told (schedstat) */
	uint64_t sleeps;	/* times it gave up the CPU: blocked, or stopped (voluntary_ctxt_switches) */
};

/* False when the thread is gone (a zombie too) or its file cannot be read. */
bool proc_task_syscall(pid_t tgid, pid_t tid, struct task_syscall *out);

/* Whether a thread of tgid other than tid is held at a ptrace stop ('t'). */
bool proc_other_task_stopped(pid_t tgid, pid_t tid);

/* The kernel function the thread sleeps in ("pipe_read"); "" when it runs. */
bool proc_task_wchan(pid_t tgid, pid_t tid, char *wchan, size_t size);

#endif
