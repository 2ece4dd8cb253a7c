/* --json, -k: a call's stack as fields of its object. */
#ifndef EPOLLTRACE_OUTPUT_STACK_JSON_H
#define EPOLLTRACE_OUTPUT_STACK_JSON_H

#include "decode/emitter.h"
#include "stack/stack_trace.h"

/*
 * "stack":[{"file","function","offset","address"},...], innermost frame
 * first, and "stack_truncated":true when there were more; or
 * "stack_error":"why" when none could be taken.
 */
void emit_stack(struct emitter *em, struct task_stack *ts);

#endif
