/* How epolltrace itself reacts to the signals it gets while it traces. */
#ifndef EPOLLTRACE_APP_TRACER_SIGNALS_H
#define EPOLLTRACE_APP_TRACER_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

#include "trace/engine.h"

/* Sent to epolltrace, it prints every interest list the model has. */
#define DUMP_SIGNAL SIGUSR1

/*
 * The signals the engine should watch for us; a signal ignored when
 * epolltrace started (nohup) stays ignored and is left out.
 */
void tracer_signals_watch(sigset_t *watched, bool attaching);

/*
 * One watched signal arrived.  A terminal stop signal that comes after
 * the command was seen stopped stops us at once (see below).
 */
void tracer_signals_handle(struct engine *e, int sig, bool attaching);

/*
 * A traced task entered a group-stop by sig: if the terminal asked us to
 * stop too (Ctrl-Z), stop now by the same signal, after the command, so
 * that the shell sees what it would see untraced and "fg" continues both.
 */
void tracer_signals_follow_stop(int sig);

#endif
