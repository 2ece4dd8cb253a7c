#include <asm/unistd_32.h>
#include <linux/audit.h>
#include <stddef.h>
#include <sys/user.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"

static const struct abi_syscall i386_syscalls[] = { SYSCALLS_I386(ABI_SYSCALL_ROW) };
SYSCALLS_I386(ABI_SYSCALL_CHECK)

const struct abi abi_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.word_size = 4,
	.epoll_event_size = 12,
	.epoll_data_offset = 4,
	.syscalls = i386_syscalls,
	.nsyscalls = sizeof(i386_syscalls) / sizeof(i386_syscalls[0]),
	/* An i386 task's registers, seen from x86-64: ebx is rbx's low half. */
	.first_arg_reg = offsetof(struct user_regs_struct, rbx),
	.stack_pointer_reg = offsetof(struct user_regs_struct, rsp),
	.red_zone = 0,
};
