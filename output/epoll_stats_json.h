/* --json: the epoll section of the summary as a value. */
#ifndef EPOLLTRACE_OUTPUT_EPOLL_STATS_JSON_H
#define EPOLLTRACE_OUTPUT_EPOLL_STATS_JSON_H

#include "decode/emitter.h"
#include "stats/epoll_stats.h"

/*
 * {"instances":[{"pid","epfd","waits","wakeups","timeouts","eintr",
 * "events_per_wakeup","max_events","full","blocked_usecs":{"p50","p90",
 * "p99","max"},"hottest":[{"data","events","fd"},...]},...]}: the text
 * section's figures, instances in the order of their first wait.
 */
void emit_epoll_stats(struct emitter *em, const struct epoll_stats *es);

#endif
