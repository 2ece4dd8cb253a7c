/*
 * What the model learns from outside the calls it is told: the processes'
 * fds and interest lists as /proc shows them, kcmp(2), and the clock.  The
 * live one (env_live.c) asks the kernel; the unit tests give the model a
 * scripted one, so that its diagnostics run without a tracee.
 */
#ifndef EPOLLTRACE_MODEL_MODEL_ENV_H
#define EPOLLTRACE_MODEL_MODEL_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "procfs/cpu_waits.h"
#include "procfs/epoll_fdinfo.h"
#include "procfs/proc_fds.h"
#include "procfs/task_syscall.h"

struct model_env {
	void *ctx;
	/* The kernel's interest list of pid's epfd (zeroed or freed info); false when it is gone. */
	bool (*read_fdinfo)(void *ctx, pid_t pid, int epfd, struct epoll_fdinfo *info);
	/* What pid's fd names now; false when it is not open. */
	bool (*probe_fd)(void *ctx, pid_t pid, int fd, struct proc_fd *out);
	/* Every open fd of pid (zeroed or freed fds); false when it cannot be listed. */
	bool (*read_fds)(void *ctx, pid_t pid, struct proc_fds *fds);
	/* The open flags (O_NONBLOCK, ...) of pid's fd; false when it is closed. */
	bool (*fd_flags)(void *ctx, pid_t pid, int fd, uint64_t *flags);
	/* The number after key ("eventfd-count:") in pid's fd's fdinfo; false without one. */
	bool (*fdinfo_num)(void *ctx, pid_t pid, int fd, const char *key, unsigned int base,
			   uint64_t *val);
	/* Whether two fds are one open file description, as kcmp(KCMP_FILE) says. */
	bool (*same_file)(void *ctx, pid_t pid1, int fd1, pid_t pid2, int fd2);
	/* What thread tid of tgid is doing now; false when it is gone. */
	bool (*task_syscall)(void *ctx, pid_t tgid, pid_t tid, struct task_syscall *out);
	/*
	 * How long each thread of tgid, and epolltrace itself, has waited for
	 * a CPU, all told (out's array reused); false when tgid is gone.
	 */
	bool (*cpu_waits)(void *ctx, pid_t tgid, struct cpu_waits *out);
	/* Whether another thread of tgid than tid is held at a ptrace stop. */
	bool (*other_stopped)(void *ctx, pid_t tgid, pid_t tid);
	/* Where it sleeps in the kernel ("" when it runs); false when it is gone. */
	bool (*task_wchan)(void *ctx, pid_t tgid, pid_t tid, char *wchan, size_t size);
	/* A monotonic clock, in nanoseconds. */
	int64_t (*now_ns)(void *ctx);
};

/* The kernel's answers: /proc, kcmp(2), CLOCK_MONOTONIC. */
extern const struct model_env model_env_live;

#endif
