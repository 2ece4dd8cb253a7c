/* --json: the objects of a task's life, as session.c's text lines say it. */
#ifndef EPOLLTRACE_OUTPUT_TASK_JSON_H
#define EPOLLTRACE_OUTPUT_TASK_JSON_H

#include <signal.h>

#include "app/session_state.h"

/* {"type":"signal",...,"signal":"SIGINT","siginfo":{...}} */
void task_json_signal(struct session *s, struct task *t, struct tracee_state *st,
		      const siginfo_t *si);
/* {"type":"stopped",...,"signal":"SIGTSTP"} */
void task_json_stopped(struct session *s, struct task *t, struct tracee_state *st, int sig);
/* {"type":"exit",...,"status":N} or {"type":"killed",...,"signal","core_dumped"} */
void task_json_exit(struct session *s, struct task *t, struct tracee_state *st, int status);
/* {"type":"superseded",...,"former_tid":N}: leader is gone, former_tid has its pid. */
void task_json_superseded(struct session *s, struct task *leader, pid_t former_tid);
/* {"type":"personality",...,"mode":"32 bit"} */
void task_json_personality(struct session *s, struct task *t, struct tracee_state *st,
			   const struct abi *abi);

#endif
