#include <errno.h>
#include <linux/sched.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>
#include <unistd.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"
#include "trace/keep_traced.h"
#include "trace/tamper.h"
#include "trace/tracee_memory.h"

/*
 * What the filter tests of each clone row of arch/syscalls.csv
 * (CLONE_SYSCALLS): a row without its KEEP_TRACED_ here does not build,
 * nor a table without the rows keep_traced_stop knows (CALL_clone, ...).
 */
#define KEEP_TRACED_clone	.match_arg = true, .arg = 0, .mask = CLONE_UNTRACED, \
				.value = CLONE_UNTRACED
/* A filter cannot look into clone3's argument structure. */
#define KEEP_TRACED_clone3	.match_arg = false

#define KEEP_TRACED_RULE(call) { .name = #call, KEEP_TRACED_##call },
const struct trap_rule keep_traced_rules[] = { CLONE_SYSCALLS(KEEP_TRACED_RULE) };

/* Each rule's call, by its place among the rules. */
#define KEEP_TRACED_CALL(call) CALL_##call,
enum clone_call { CLONE_SYSCALLS(KEEP_TRACED_CALL) NCLONE_CALLS };

const size_t nkeep_traced_rules = sizeof(keep_traced_rules) / sizeof(keep_traced_rules[0]);

/*
 * The kernel takes clone_args from CLONE_ARGS_SIZE_VER0 bytes up to a
 * page, and fails the call with any other size before it reads a byte.
 */
#define CLONE_ARGS_MIN_SIZE 64
#define CLONE_ARGS_MAX_SIZE 4096 /* x86's page; a larger one falls back */
/*
 * Below the red zone: some room still, and an alignment that fits
 * clone_args' 64-bit fields and any stack's.
 */
#define COPY_MARGIN 64
#define COPY_ALIGN 16

struct clone_numbers {
	const struct abi *abi;
	long nr[NCLONE_CALLS];	/* by enum clone_call; -1: the ABI has none */
};

/* Looked up once per ABI: under -p every entry stop asks. */
static const struct clone_numbers *clone_numbers(uint32_t audit_arch)
{
	static struct clone_numbers known[4];
	static size_t nknown;
	for (size_t i = 0; i < nknown; i++)
		if (known[i].abi->audit_arch == audit_arch)
			return &known[i];
	const struct abi *abi = abi_by_audit_arch(audit_arch);
	if (!abi || abi->first_arg_reg < 0 || nknown == sizeof(known) / sizeof(known[0]))
		return NULL;
	known[nknown].abi = abi;
	for (size_t i = 0; i < NCLONE_CALLS; i++)
		known[nknown].nr[i] = abi_syscall_nr(abi, keep_traced_rules[i].name);
	return &known[nknown++];
}

/* Whether the kernel would read clone_args of this size: no other size makes a child. */
static bool clone3_args_size(uint64_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	return size >= CLONE_ARGS_MIN_SIZE && page > 0 && size <= (uint64_t) page;
}

/*
 * The kernel reads the first argument's register after this stop;
 * PTRACE_POKEUSER writes it on any kernel, where PTRACE_SET_SYSCALL_INFO
 * needs Linux 6.16.
 */
static bool set_first_arg(pid_t tid, const struct abi *abi, uint64_t value)
{
	return ptrace(PTRACE_POKEUSER, tid, (void *) abi->first_arg_reg,
		      (void *) (uintptr_t) value) == 0;
}

/*
 * The flags of clone3 lie in memory that another thread, or another
 * process through a shared mapping, can change between any look and the
 * kernel's read, and that may not be writable.  So the kernel is given a
 * copy without CLONE_UNTRACED, below the stopped thread's stack pointer,
 * where nothing of the program lives and nobody else writes: the
 * program's own clone_args stay as they are.  The kernel has copied the
 * struct before the child exists.
 */
static bool clone3_from_copy(pid_t tid, const struct abi *abi, const uint64_t *args)
{
	uint64_t size = args[1];
	uint64_t copy[CLONE_ARGS_MAX_SIZE / sizeof(uint64_t)];
	if (size > sizeof(copy) || !tracee_read(tid, args[0], copy, size))
		return false;
	/* struct clone_args starts with its 64-bit flags, for every ABI. */
	copy[0] &= ~(uint64_t) CLONE_UNTRACED;

	errno = 0;
	long sp = ptrace(PTRACE_PEEKUSER, tid, (void *) abi->stack_pointer_reg, NULL);
	uint64_t below = abi->red_zone + COPY_MARGIN + size;
	if (errno || (uint64_t) sp < below)
		return false;
	uint64_t at = ((uint64_t) sp - below) & ~(uint64_t) (COPY_ALIGN - 1);
	return tracee_write(tid, at, copy, size) && set_first_arg(tid, abi, at);
}

bool keep_traced_stop(pid_t tid, const struct __ptrace_syscall_info *info)
{
	bool seccomp = info->op == PTRACE_SYSCALL_INFO_SECCOMP;
	uint64_t nr = seccomp ? info->seccomp.nr : info->entry.nr;
	const uint64_t *args = seccomp ? info->seccomp.args : info->entry.args;
	const struct clone_numbers *n = clone_numbers(info->arch);
	if (!n)
		return false;
	if (n->nr[CALL_clone] >= 0 && nr == (uint64_t) n->nr[CALL_clone]) {
		if (args[0] & CLONE_UNTRACED)
			set_first_arg(tid, n->abi, args[0] & ~(uint64_t) CLONE_UNTRACED);
		return false;
	}
	if (n->nr[CALL_clone3] < 0 || nr != (uint64_t) n->nr[CALL_clone3] ||
	    !clone3_args_size(args[1]) ||
	    clone3_from_copy(tid, n->abi, args))
		return false;
	/*
	 * As on a kernel without clone3: the C library, like any caller ready
	 * for one, falls back to clone, whose flags are a register.  It fails
	 * only when the thread is gone: then nothing was failed, and nothing
	 * is to be said.
	 */
	return tracee_skip_call(tid, -ENOSYS);
}
