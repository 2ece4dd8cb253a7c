#include <linux/audit.h>
#include "arch/abi.h"

/*
 * include/uapi/asm-generic/unistd.h, shared by aarch64 and riscv64: no
 * epoll_create and no epoll_wait, and struct epoll_event is not packed.
 */
static const struct abi_syscall generic64_syscalls[] = {
	{ 20, "epoll_create1" },
	{ 21, "epoll_ctl" },
	{ 22, "epoll_pwait" },
	{ 24, "dup3" },
	{ 29, "ioctl" },
	{ 57, "close" },
	{ 426, "io_uring_enter" },
	{ 436, "close_range" },
	{ 441, "epoll_pwait2" },
};

#define GENERIC64_ABI(abi_name, arch) {					\
	.name = abi_name,						\
	.audit_arch = arch,						\
	.word_size = 8,							\
	.epoll_event_size = 16,						\
	.epoll_data_offset = 8,						\
	.syscalls = generic64_syscalls,					\
	.nsyscalls = sizeof(generic64_syscalls) / sizeof(generic64_syscalls[0]), \
}

const struct abi abi_aarch64 = GENERIC64_ABI("aarch64", AUDIT_ARCH_AARCH64);
const struct abi abi_riscv64 = GENERIC64_ABI("riscv64", AUDIT_ARCH_RISCV64);
