#ifndef EPOLLTRACE_TRACE_SECCOMP_FILTER_H
#define EPOLLTRACE_TRACE_SECCOMP_FILTER_H

#include <seccomp.h>
#include <stdbool.h>

#include "trace/engine.h"

/*
 * Builds a filter that takes action (SCMP_ACT_TRACE(0): stop for the
 * tracer) on the calls matching rules and lets everything else run.  The
 * benchmark builds the same filter with another action, to measure what
 * the filter alone costs.  Returns NULL and sets *err on failure.
 */
scmp_filter_ctx seccomp_filter_build(const struct trap_rule *rules, size_t nrules, uint32_t action,
				     int *err);

/*
 * Loads the filter into the calling task.  NO_NEW_PRIVS is set only when
 * the kernel demands it (no CAP_SYS_ADMIN), so that under root setuid
 * programs keep their privileges.  Returns 0 or -errno.
 */
int seccomp_filter_load(scmp_filter_ctx filter);

#endif
