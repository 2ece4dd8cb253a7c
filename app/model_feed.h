/*
 * What the model is told of each stop: the epoll calls, and with
 * --diagnose the calls that end fds, all read from the stopped task.
 */
#ifndef EPOLLTRACE_APP_MODEL_FEED_H
#define EPOLLTRACE_APP_MODEL_FEED_H

#include "app/tracee.h"
#include "app/trap_rules.h"

/* Adds the fd-ending calls --diagnose needs to stop at. */
void model_feed_trap_rules(struct trap_rules *r, const struct options *opts);

/* Returns true when the call's exit matters to the model. */
bool model_feed_entry(struct session *s, struct task *t, struct tracee_state *st,
		      const struct abi *abi, const char *name, const struct syscall_stop *stop);
void model_feed_exit(struct session *s, struct task *t, struct tracee_state *st,
		     const struct syscall_stop *stop);

#endif
