/* The facts of one system-call ABI that the decoders depend on. */
#ifndef EPOLLTRACE_ARCH_ABI_H
#define EPOLLTRACE_ARCH_ABI_H

#include <stddef.h>
#include <stdint.h>

struct abi_syscall {
	unsigned int nr;
	const char *name;
};

/*
 * A call that makes one of several others, chosen by the low bits of its
 * first argument (i386's socketcall(2) and ipc(2)), named by the one it
 * makes, as strace names it; the others' arguments are in memory.
 */
struct abi_multiplexer {
	unsigned int nr;
	uint64_t which;			/* the bits of the first argument that choose */
	const char *const *calls;	/* by their value; NULL where none */
	size_t ncalls;
};

struct abi {
	const char *name;
	uint32_t audit_arch;		/* AUDIT_ARCH_*, as PTRACE_GET_SYSCALL_INFO reports it */
	unsigned int word_size;		/* sizeof(long) in the tracee */
	unsigned int epoll_event_size;	/* sizeof(struct epoll_event) */
	unsigned int epoll_data_offset;	/* offsetof(struct epoll_event, data) */
	const struct abi_syscall *syscalls;
	size_t nsyscalls;
	/* The same names indexed by number, NULL between them: under -p every call is named. */
	const char *const *names_by_nr;
	size_t nnames_by_nr;
	/*
	 * The names of the table's named rows, which nothing traps, indexed
	 * by number: what a loop's thread can be found blocked in.
	 */
	const char *const *named_by_nr;
	size_t nnamed_by_nr;
	const struct abi_multiplexer *multiplexers;
	size_t nmultiplexers;
	/*
	 * Where an x86-64 tracer finds this ABI's tasks' registers: offsets
	 * in struct user_regs_struct, -1 for an ABI it cannot trace.
	 */
	long first_arg_reg;		/* the syscall's first argument */
	long stack_pointer_reg;
	unsigned int red_zone;		/* bytes below the stack pointer a function may use */
};

/*
 * An ABI's rows come from arch/syscalls.csv, through the X-macros of the
 * generated arch/syscall_numbers.h (those it can trap, and its named
 * rows); the kernel's header for the ABI, included first, checks each
 * number at compile time.
 */
#define ABI_SYSCALL_ROW(name, nr) { nr, #name },
#define ABI_SYSCALL_NAME_AT(name, nr) [nr] = #name,
#define ABI_SYSCALL_CHECK(name, nr) \
	_Static_assert(__NR_##name == (nr), "arch/syscalls.csv: " #name " is not " #nr \
		       " in the kernel's headers");

/*
 * An ABI's tables, prefix_syscalls and prefix_names from its X-macro list
 * of the calls it can trap, prefix_named from that of its named rows.
 */
#define ABI_SYSCALL_TABLES(prefix, LIST, NAMED) \
	static const struct abi_syscall prefix##_syscalls[] = { LIST(ABI_SYSCALL_ROW) }; \
	static const char *const prefix##_names[] = { LIST(ABI_SYSCALL_NAME_AT) }; \
	static const char *const prefix##_named[] = { NAMED(ABI_SYSCALL_NAME_AT) }; \
	LIST(ABI_SYSCALL_CHECK) \
	NAMED(ABI_SYSCALL_CHECK)

#define ABI_SYSCALL_FIELDS(prefix) \
	.syscalls = prefix##_syscalls, \
	.nsyscalls = sizeof(prefix##_syscalls) / sizeof(prefix##_syscalls[0]), \
	.names_by_nr = prefix##_names, \
	.nnames_by_nr = sizeof(prefix##_names) / sizeof(prefix##_names[0]), \
	.named_by_nr = prefix##_named, \
	.nnamed_by_nr = sizeof(prefix##_named) / sizeof(prefix##_named[0])

extern const struct abi abi_x86_64;
extern const struct abi abi_i386;
extern const struct abi abi_aarch64;
extern const struct abi abi_riscv64;

/* NULL when the architecture is not one epolltrace knows. */
const struct abi *abi_by_audit_arch(uint32_t audit_arch);

/* The syscall name for a number, or NULL when it is not in the ABI's table. */
const char *abi_syscall_name(const struct abi *abi, unsigned long nr);

/* The name of a named row (never trapped) by its number, or NULL when none has it. */
const char *abi_named_syscall(const struct abi *abi, unsigned long nr);

/*
 * The call that syscall nr makes when its first argument is arg0 ("recv"
 * for i386's socketcall(SYS_RECV, ...)); NULL when nr makes no other, or
 * not one arg0 names.
 */
const char *abi_multiplexed_name(const struct abi *abi, unsigned long nr, uint64_t arg0);

/* The number of a syscall by name, or -1 when the ABI's table has none. */
long abi_syscall_nr(const struct abi *abi, const char *name);

/* strace's name for the mode a tracee of this ABI runs in: "64 bit", "32 bit". */
const char *abi_mode_name(const struct abi *abi);

#endif
