/*
 * --json: a call's object, begun at its entry (which the decoders fill
 * in) and written whole at its exit, so that no other task's line can
 * cut it; or, when it never returns, where it ended.
 */
#ifndef EPOLLTRACE_OUTPUT_CALL_JSON_H
#define EPOLLTRACE_OUTPUT_CALL_JSON_H

#include <stdint.h>

#include "app/session_state.h"

/* Leaves st->em in the object's "args" for the entry decoder. */
void call_json_begin(struct task *t, struct tracee_state *st);
/* The exit's arguments, the result, and ns, the time the call took. */
void call_json_end(struct session *s, struct tracee_state *st, int64_t ns);
/* how: "exited" (the task died in the call) or "detached" (-p let it go). */
void call_json_unfinished(struct session *s, struct tracee_state *st, const char *how,
			  int64_t ns);

#endif
