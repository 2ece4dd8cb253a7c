#include <errno.h>
#include <linux/sched.h>
#include <stddef.h>
#include <string.h>

#include "trace/keep_traced.h"
#include "trace/tracee_memory.h"

/* Linux 6.16; not yet in the C library's headers. */
#ifndef PTRACE_SET_SYSCALL_INFO
#define PTRACE_SET_SYSCALL_INFO 0x4212
#endif

int keep_traced_add_rules(scmp_filter_ctx ctx)
{
	int rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(KEEP_TRACED_TAG), SCMP_SYS(clone), 1,
				  SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_UNTRACED, CLONE_UNTRACED));
	/* A filter cannot look into clone3's argument structure. */
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(KEEP_TRACED_TAG), SCMP_SYS(clone3), 0);
	return rc;
}

static void clear_in_register(pid_t tid, const struct __ptrace_syscall_info *info)
{
	struct __ptrace_syscall_info changed = *info;
	changed.seccomp.args[0] &= ~(uint64_t) CLONE_UNTRACED;
	ptrace(PTRACE_SET_SYSCALL_INFO, tid, (void *) sizeof(changed), &changed);
}

/* struct clone_args starts with its 64-bit flags, for every ABI. */
static void clear_in_clone_args(pid_t tid, uint64_t args_addr)
{
	uint64_t flags;
	if (!tracee_read(tid, args_addr, &flags, sizeof(flags)) || !(flags & CLONE_UNTRACED))
		return;
	flags &= ~(uint64_t) CLONE_UNTRACED;
	long word;
	memcpy(&word, &flags, sizeof(word));
	ptrace(PTRACE_POKEDATA, tid, (void *) (uintptr_t) args_addr, (void *) word);
}

void keep_traced_clear(pid_t tid, const struct __ptrace_syscall_info *info)
{
	int clone3_nr = seccomp_syscall_resolve_name_arch(info->arch, "clone3");
	if (clone3_nr >= 0 && info->seccomp.nr == (uint64_t) clone3_nr)
		clear_in_clone_args(tid, info->seccomp.args[0]);
	else
		clear_in_register(tid, info);
}
