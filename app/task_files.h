/*
 * -ff -o FILE: each task's lines in a file of its own, FILE.TID, each
 * written by an output of its own.
 */
#ifndef EPOLLTRACE_APP_TASK_FILES_H
#define EPOLLTRACE_APP_TASK_FILES_H

#include "app/session.h"

/* The output of tid's file, or NULL (said on stderr) when it cannot be opened. */
struct trace_output *task_output_open(struct session *s, pid_t tid);
/* Writes out and closes o's file. */
void task_output_close(struct session *s, struct trace_output *o);
/* Writes out what every task's file holds. */
void task_outputs_flush(struct session *s);

#endif
