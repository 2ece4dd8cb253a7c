/* Which processes descend from a process, as /proc has them now. */
#ifndef EPOLLTRACE_PROCFS_PROC_TREE_H
#define EPOLLTRACE_PROCFS_PROC_TREE_H

#include <stddef.h>
#include <sys/types.h>

/* A process and its parent, as /proc/PID/stat says. */
struct parentage {
	pid_t pid, ppid;
};

/*
 * Fills *out (to be freed) with every descendant of pid: its children,
 * then theirs, each generation in the order of their pids; returns how
 * many.  A process that forks or exits meanwhile may be missed or listed.
 */
size_t proc_descendants(pid_t pid, pid_t **out);

/*
 * The descendants of pid in all[] (which it sorts), as proc_descendants
 * has them; each once, however the parents link.
 */
size_t parentage_descendants(struct parentage *all, size_t nall, pid_t pid, pid_t **out);

#endif
