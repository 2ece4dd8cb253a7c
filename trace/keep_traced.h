/*
 * CLONE_UNTRACED would give a child the command's seccomp filter but no
 * tracer, and every trapped call of that child would fail with ENOSYS.
 * The filter stops such clones too (with KEEP_TRACED_TAG): clone's flag is
 * cleared in its register before the kernel sees it, so the child is
 * followed like any other, and clone3, whose flags lie in memory the
 * program can change, fails with ENOSYS, so that the program falls back
 * to clone.
 */
#ifndef EPOLLTRACE_TRACE_KEEP_TRACED_H
#define EPOLLTRACE_TRACE_KEEP_TRACED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/types.h>

#include "trace/engine.h"

/* The SECCOMP_RET_TRACE data of these stops; the layer above's are 0. */
#define KEEP_TRACED_TAG 1

/* The rules that stop clone with CLONE_UNTRACED, and every clone3. */
extern const struct trap_rule keep_traced_rules[];
extern const size_t nkeep_traced_rules;

/*
 * At such a stop: clears CLONE_UNTRACED from a clone, fails a clone3.
 * True when that clone3 asked for CLONE_UNTRACED.
 */
bool keep_traced_clear(pid_t tid, const struct __ptrace_syscall_info *info);

#endif
