/*
 * CLONE_UNTRACED would give a child the command's seccomp filter but no
 * tracer, and every trapped call of that child would fail with ENOSYS;
 * under -p the child would just escape.  The filter stops such clones
 * too (with KEEP_TRACED_TAG), and -p sees every call's entry: clone's
 * flag is cleared in its register before the kernel sees it, and clone3
 * is given a copy of its clone_args without the flag, so the child is
 * followed like any other.
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
 * At a seccomp stop of these rules, or any syscall-entry stop: keeps
 * CLONE_UNTRACED of a clone or clone3 from the kernel.  True when that
 * was a clone3 whose clone_args could not be copied (unreadable, an odd
 * size, no room on the stack), which was made to fail with ENOSYS.
 */
bool keep_traced_stop(pid_t tid, const struct __ptrace_syscall_info *info);

#endif
