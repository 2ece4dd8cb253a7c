#include <errno.h>
#include <linux/sched.h>
#include <stddef.h>
#include <string.h>

#include "arch/abi.h"
#include "trace/keep_traced.h"
#include "trace/tracee_memory.h"

/* Linux 6.16; not yet in the C library's headers. */
#ifndef PTRACE_SET_SYSCALL_INFO
#define PTRACE_SET_SYSCALL_INFO 0x4212
#endif

const struct trap_rule keep_traced_rules[] = {
	{ .name = "clone", .match_arg = true, .arg = 0, .mask = CLONE_UNTRACED, .value = CLONE_UNTRACED },
	/* A filter cannot look into clone3's argument structure. */
	{ .name = "clone3" },
};

const size_t nkeep_traced_rules = sizeof(keep_traced_rules) / sizeof(keep_traced_rules[0]);

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
	const struct abi *abi = abi_by_audit_arch(info->arch);
	long clone3_nr = abi ? abi_syscall_nr(abi, "clone3") : -1;
	if (clone3_nr >= 0 && info->seccomp.nr == (uint64_t) clone3_nr)
		clear_in_clone_args(tid, info->seccomp.args[0]);
	else
		clear_in_register(tid, info);
}
