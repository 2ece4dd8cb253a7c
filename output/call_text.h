/*
 * A call's text line as strace prints it: "name(" and the entry's
 * arguments, then the exit's, ") ", the alignment, "= result"; cut by
 * another task's line as "<unfinished ...>" and picked up again as
 * "<... name resumed>".
 */
#ifndef EPOLLTRACE_OUTPUT_CALL_TEXT_H
#define EPOLLTRACE_OUTPUT_CALL_TEXT_H

#include "output/trace_output.h"

void call_text_begin(struct trace_output *o, const struct task_ref *t, struct call_line *l);
void call_text_end(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   int64_t ns);
/* "= ?" for a task that died in the call, " <detached ...>" for one let go. */
void call_text_cut(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   enum call_cut how, int64_t ns);

#endif
