#include <linux/audit.h>

/* The table of numbers only: no syscall entry points are declared here. */
#define __SYSCALL(nr, entry)
#define __ARCH_WANT_SYS_CLONE3
#include <asm-generic/unistd.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"

/*
 * include/uapi/asm-generic/unistd.h, shared by aarch64 and riscv64: no
 * epoll_create and no epoll_wait, and struct epoll_event is not packed.
 */
ABI_SYSCALL_TABLES(generic64, SYSCALLS_GENERIC64, NAMED_SYSCALLS_GENERIC64)

#define GENERIC64_ABI(abi_name, arch) {					\
	.name = abi_name,						\
	.audit_arch = arch,						\
	.word_size = 8,							\
	.epoll_event_size = 16,						\
	.epoll_data_offset = 8,						\
	ABI_SYSCALL_FIELDS(generic64), \
	.first_arg_reg = -1,						\
	.stack_pointer_reg = -1,					\
}

const struct abi abi_aarch64 = GENERIC64_ABI("aarch64", AUDIT_ARCH_AARCH64);
const struct abi abi_riscv64 = GENERIC64_ABI("riscv64", AUDIT_ARCH_RISCV64);
