#include <errno.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <stddef.h>
#include <string.h>
#include <sys/user.h>

#include "arch/abi.h"
#include "trace/keep_traced.h"
#include "trace/tamper.h"
#include "trace/tracee_memory.h"

const struct trap_rule keep_traced_rules[] = {
	{ .name = "clone", .match_arg = true, .arg = 0, .mask = CLONE_UNTRACED, .value = CLONE_UNTRACED },
	/* A filter cannot look into clone3's argument structure. */
	{ .name = "clone3" },
};

const size_t nkeep_traced_rules = sizeof(keep_traced_rules) / sizeof(keep_traced_rules[0]);

/*
 * clone's flags are its first argument's register (ebx for i386), which
 * the kernel reads after this stop; PTRACE_POKEUSER writes it on any
 * kernel, where PTRACE_SET_SYSCALL_INFO needs Linux 6.16.
 */
static void clear_in_register(pid_t tid, const struct __ptrace_syscall_info *info)
{
	size_t reg = info->arch == AUDIT_ARCH_I386 ? offsetof(struct user_regs_struct, rbx)
						   : offsetof(struct user_regs_struct, rdi);
	uint64_t flags = info->seccomp.args[0] & ~(uint64_t) CLONE_UNTRACED;
	ptrace(PTRACE_POKEUSER, tid, (void *) reg, (void *) (uintptr_t) flags);
}

/* struct clone_args starts with its 64-bit flags, for every ABI. */
static bool asks_untraced(pid_t tid, uint64_t args_addr)
{
	uint64_t flags;
	return tracee_read(tid, args_addr, &flags, sizeof(flags)) && (flags & CLONE_UNTRACED);
}

bool keep_traced_clear(pid_t tid, const struct __ptrace_syscall_info *info)
{
	const struct abi *abi = abi_by_audit_arch(info->arch);
	long clone3_nr = abi ? abi_syscall_nr(abi, "clone3") : -1;
	if (clone3_nr < 0 || info->seccomp.nr != (uint64_t) clone3_nr) {
		clear_in_register(tid, info);
		return false;
	}
	/*
	 * The kernel reads clone_args after this stop, and another thread
	 * (or process, through a shared mapping) can set CLONE_UNTRACED there
	 * meanwhile; the memory may not even be writable.  So no clone3 runs:
	 * the C library, like any caller ready for older kernels, falls back
	 * to clone, whose flags are a register.
	 */
	bool untraced = asks_untraced(tid, info->seccomp.args[0]);
	/* As on a kernel without clone3; it fails only when the thread is gone. */
	tracee_skip_call(tid, -ENOSYS);
	return untraced;
}
