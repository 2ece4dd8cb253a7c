/* The text lines of a task's life, as strace prints them. */
#ifndef EPOLLTRACE_OUTPUT_TASK_LINES_H
#define EPOLLTRACE_OUTPUT_TASK_LINES_H

#include "output/trace_output.h"

/* --- SIGINT {si_signo=SIGINT, ...} --- */
void task_lines_signal(struct trace_output *o, const struct task_ref *t, const siginfo_t *si);
/* --- stopped by SIGTSTP --- */
void task_lines_stopped(struct trace_output *o, const struct task_ref *t, int sig);
/* +++ exited with 0 +++, +++ killed by SIGKILL +++ */
void task_lines_exited(struct trace_output *o, const struct task_ref *t, int status);
/* +++ superseded by execve in pid N +++ */
void task_lines_superseded(struct trace_output *o, const struct task_ref *t, pid_t former_tid);
/* [ Process PID=N runs in 32 bit mode. ] */
void task_lines_personality(struct trace_output *o, const struct task_ref *t,
			    const struct abi *abi);

#endif
