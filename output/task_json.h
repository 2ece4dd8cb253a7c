/* --json: the objects of a task's life, as task_lines.c's text lines say it. */
#ifndef EPOLLTRACE_OUTPUT_TASK_JSON_H
#define EPOLLTRACE_OUTPUT_TASK_JSON_H

#include "output/trace_output.h"

/* {"type":"signal",...,"signal":"SIGINT","siginfo":{...}} */
void task_json_signal(struct trace_output *o, const struct task_ref *t, const siginfo_t *si);
/* {"type":"stopped",...,"signal":"SIGTSTP"} */
void task_json_stopped(struct trace_output *o, const struct task_ref *t, int sig);
/* {"type":"exit",...,"status":N} or {"type":"killed",...,"signal","core_dumped"} */
void task_json_exit(struct trace_output *o, const struct task_ref *t, int status);
/* {"type":"superseded",...,"former_tid":N}: the leader t is gone, former_tid has its pid. */
void task_json_superseded(struct trace_output *o, const struct task_ref *t, pid_t former_tid);
/* {"type":"personality",...,"mode":"32 bit"} */
void task_json_personality(struct trace_output *o, const struct task_ref *t,
			   const struct abi *abi);

#endif
