#include <linux/audit.h>
#include "arch/abi.h"

/* arch/x86/entry/syscalls/syscall_64.tbl */
static const struct abi_syscall x86_64_syscalls[] = {
	{ 3, "close" },
	{ 16, "ioctl" },
	{ 33, "dup2" },
	{ 213, "epoll_create" },
	{ 232, "epoll_wait" },
	{ 233, "epoll_ctl" },
	{ 281, "epoll_pwait" },
	{ 291, "epoll_create1" },
	{ 292, "dup3" },
	{ 426, "io_uring_enter" },
	{ 436, "close_range" },
	{ 441, "epoll_pwait2" },
};

/* x86-64 packs struct epoll_event so that it matches the i386 layout. */
const struct abi abi_x86_64 = {
	.name = "x86_64",
	.audit_arch = AUDIT_ARCH_X86_64,
	.word_size = 8,
	.epoll_event_size = 12,
	.epoll_data_offset = 4,
	.syscalls = x86_64_syscalls,
	.nsyscalls = sizeof(x86_64_syscalls) / sizeof(x86_64_syscalls[0]),
};
