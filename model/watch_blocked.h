/*
 * loop-blocked: a loop's thread that has not come back to its wait for
 * blocked_ms, reported while it is away, with what it is doing; found
 * blocked reading a blocking fd registered EPOLLET, it is et-blocking-fd.
 */
#ifndef EPOLLTRACE_MODEL_WATCH_BLOCKED_H
#define EPOLLTRACE_MODEL_WATCH_BLOCKED_H

#include "model/diag_report.h"

/* The thread is in a wait: not away. */
void watch_blocked_wait_begins(struct diag_thread *th);
/* Its wait returned at now: away from its waits from then. */
void watch_blocked_wait_ends(struct diag_thread *th, const struct model_wait *w, int64_t now);
/*
 * th has been away since th->away_since_ns (its wait on inst); reported
 * once it is blocked_ms, once per time away.
 */
void watch_blocked(struct diag *d, struct diag_thread *th, const struct ep_instance *inst,
		   int64_t now);

#endif
