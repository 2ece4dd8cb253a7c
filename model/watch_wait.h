/*
 * Diagnostics of waits: edge-triggered blocking fds, stale events,
 * level-triggered conditions nobody consumes, thundering herds, spinning
 * and saturated waits.
 */
#ifndef EPOLLTRACE_MODEL_WATCH_WAIT_H
#define EPOLLTRACE_MODEL_WATCH_WAIT_H

#include "model/diag_report.h"

/* A ctl registered e (ADD or MOD): what the watchers remember of it starts again. */
void watch_registered(struct ep_entry *e, const struct model_ctl *c);
void watch_wait_begins(struct diag *d, struct diag_thread *th, struct ep_instance *inst,
		       const struct model_wait *w);
/* One event a wait returned, and the entry it named (NULL: none). */
void watch_event(struct diag *d, const struct diag_thread *th, struct ep_instance *inst,
		 const struct model_wait *w, const struct model_event *ev, struct ep_entry *e);
void watch_wait_ends(struct diag *d, struct diag_thread *th, struct ep_instance *inst,
		     const struct model_wait *w, const struct model_event *ev, size_t n,
		     int64_t now);

#endif
