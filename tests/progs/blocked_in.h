/*
 * Waiting until another task sleeps inside a given system call.  Under a
 * tracer this means the tracer has already handled the call's entry, so
 * whatever the waiting side does next is printed after that entry: the
 * tests get a fixed order of lines without sleeping for guessed times.
 */
#ifndef EPOLLTRACE_TESTS_BLOCKED_IN_H
#define EPOLLTRACE_TESTS_BLOCKED_IN_H

#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* Reads /proc/pid/task/tid/FILE into buf; false if it cannot. */
static inline bool read_task_file(pid_t pid, pid_t tid, const char *file,
				  char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int) pid, (int) tid, file);
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n > 0;
}

/*
 * True when the task is asleep ('S': not running, and not in a ptrace
 * stop, which is 't') inside syscall nr.
 */
static inline bool task_sleeps_in(pid_t pid, pid_t tid, long nr)
{
	char buf[512];
	long cur;
	if (!read_task_file(pid, tid, "syscall", buf, sizeof(buf)) ||
	    sscanf(buf, "%ld", &cur) != 1 || cur != nr)
		return false;
	if (!read_task_file(pid, tid, "stat", buf, sizeof(buf)))
		return false;
	/* The command name in parentheses may hold spaces; the state follows it. */
	const char *end = strrchr(buf, ')');
	return end && end[1] == ' ' && end[2] == 'S';
}

static inline void wait_until_sleeping_in(pid_t pid, pid_t tid, long nr)
{
	while (!task_sleeps_in(pid, tid, nr))
		sched_yield();
}

#endif
