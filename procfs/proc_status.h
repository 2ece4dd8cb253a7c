/* The fields of /proc/PID/status that decide how a task can be traced, and its state. */
#ifndef EPOLLTRACE_PROCFS_PROC_STATUS_H
#define EPOLLTRACE_PROCFS_PROC_STATUS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct proc_status {
	char state;
	unsigned int threads;
	pid_t tgid;
	pid_t tracer;
	uid_t uid;		/* real uid */
	unsigned long long cap_eff;
	bool kthread;		/* Linux 6.x says so; false on older kernels */
};

/* pid 0 reads our own; false when the task is gone. */
bool proc_status_read(pid_t pid, struct proc_status *st);

/* Its command name (/proc/PID/comm) into comm, "?" when it cannot be read. */
void proc_comm_read(pid_t pid, char *comm, size_t size);

/* Which process a thread belongs to; tid itself when that cannot be read. */
pid_t proc_tgid(pid_t tid);

/* A thread's state letter ('R' runnable, 'S' asleep, 't' traced...); '\0' when gone. */
char proc_task_state(pid_t tid);

#endif
