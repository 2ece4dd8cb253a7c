/* --top: the live view of every epoll instance, refreshed each interval. */
#ifndef EPOLLTRACE_APP_TOP_SESSION_H
#define EPOLLTRACE_APP_TOP_SESSION_H

#include <signal.h>
#include <stdbool.h>

#include "model/epoll_model.h"

struct session;
struct top;

/*
 * Made in session_init: output is how the model's lines are printed in
 * the trace; returns the output the model is to be given instead.
 */
struct top *top_new(struct session *s, struct model_output *output);
void top_free(struct top *t);
/* The signals --top takes from the engine: its interval, the terminal's resizes. */
void top_watch_signals(sigset_t *watched);
/*
 * Once tracing has begun, the view opens: targets are the processes
 * named by -p, or the command.
 */
void top_start(struct top *t, const pid_t *targets, size_t n);
/* A watched signal; false when it is not one of --top's. */
bool top_signal(struct top *t, int sig);
/* Keys are waiting on the terminal. */
void top_input(struct top *t);
/* A process's thread was let go (a detach): the freeze key names every process it stopped. */
void top_detached(struct top *t, pid_t tgid);
/* The trace is over: the view closes and says what became of the processes. */
void top_close(struct top *t);

#endif
