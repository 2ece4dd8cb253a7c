/* How one traced call becomes its line: entry, exit, or an end that never came. */
#ifndef EPOLLTRACE_APP_CALL_LINES_H
#define EPOLLTRACE_APP_CALL_LINES_H

#include "app/tracee.h"

/* The engine's syscall hooks; ctx is the session. */
bool call_entry(void *ctx, struct task *t, const struct syscall_stop *stop);
void call_exit(void *ctx, struct task *t, const struct syscall_stop *stop);
/* t dies inside a call: its line ends with "= ?", as strace's. */
void call_abandon(struct session *s, struct task *t, struct tracee_state *st);
/* t is let go inside a call: its line ends with " <detached ...>". */
void call_detach(struct session *s, struct task *t, struct tracee_state *st);

#endif
