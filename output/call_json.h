/*
 * --json: a call's object, begun at its entry (which the decoders fill
 * in) and written whole at its exit, so that no other task's line can
 * cut it; or, when it never returns, where it ended.
 */
#ifndef EPOLLTRACE_OUTPUT_CALL_JSON_H
#define EPOLLTRACE_OUTPUT_CALL_JSON_H

#include "output/trace_output.h"

/* Leaves l->em in the object's "args" after the entry decoder. */
void call_json_begin(struct trace_output *o, const struct task_ref *t, struct call_line *l);
/* The exit's arguments, the result, and ns, the time the call took. */
void call_json_end(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   int64_t ns);
/* "unfinished": "exited" (the task died in the call) or "detached" (-p let it go). */
void call_json_cut(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   enum call_cut how, int64_t ns);

#endif
