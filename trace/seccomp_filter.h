#ifndef EPOLLTRACE_TRACE_SECCOMP_FILTER_H
#define EPOLLTRACE_TRACE_SECCOMP_FILTER_H

#include <stdint.h>

#include "trace/bpf_writer.h"
#include "trace/engine.h"

/*
 * Builds a filter that takes action (SECCOMP_RET_TRACE: stop for the
 * tracer) on the calls of x86-64 and i386 tasks that match rules, by the
 * numbers of arch/'s tables, and lets everything else run.  The benchmark
 * builds the same filter with another action, to measure what the filter
 * alone costs.  Returns 0 or -errno: -EINVAL when a rule names a syscall
 * neither ABI has.
 */
int seccomp_filter_build(const struct trap_rule *rules, size_t nrules, uint32_t action,
			 struct bpf_program *filter);

/*
 * Loads the filter into the calling task.  NO_NEW_PRIVS is set only when
 * the kernel demands it (no CAP_SYS_ADMIN), so that under root setuid
 * programs keep their privileges.  Returns 0 or -errno.
 */
int seccomp_filter_load(const struct bpf_program *filter);

void seccomp_filter_release(struct bpf_program *filter);

#endif
