/*
 * -k with --diagnose: a warning about a thread found away from its waits
 * (loop-blocked, et-blocking-fd) comes with that thread's stack, walked
 * where it sleeps, without stopping it.
 */
#ifndef EPOLLTRACE_APP_AWAY_STACKS_H
#define EPOLLTRACE_APP_AWAY_STACKS_H

#include "app/session.h"

/* The model's output for s: next's, with such warnings' stacks taken first. */
struct model_output away_stacks_output(struct session *s, const struct model_output *next);

#endif
