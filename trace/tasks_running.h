/*
 * How many of the traced threads are runnable now, read from /proc: the
 * spin policy must not count the tracee's own threads as the others that
 * a spinning tracer would take a CPU from.
 */
#ifndef EPOLLTRACE_TRACE_TASKS_RUNNING_H
#define EPOLLTRACE_TRACE_TASKS_RUNNING_H

#include "trace/task.h"

/*
 * Reads at most max_read threads' states, so that a sample stays cheap
 * with thousands of threads; the unread ones count as not runnable, which
 * errs towards sleeping.
 */
unsigned int tasks_running(const struct task_table *tt, unsigned int max_read);

#endif
