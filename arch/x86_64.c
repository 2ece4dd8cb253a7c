#include <asm/unistd_64.h>
#include <linux/audit.h>
#include <stddef.h>
#include <sys/user.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"

ABI_SYSCALL_TABLES(x86_64, SYSCALLS_X86_64, NAMED_SYSCALLS_X86_64)

/* x86-64 packs struct epoll_event so that it matches the i386 layout. */
const struct abi abi_x86_64 = {
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.word_size = 8,
	.epoll_event_size = 12,
	.epoll_data_offset = 4,
	ABI_SYSCALL_FIELDS(x86_64),
	.first_arg_reg = offsetof(struct user_regs_struct, rdi),
	.stack_pointer_reg = offsetof(struct user_regs_struct, rsp),
	.red_zone = 128,
};
