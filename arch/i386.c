#include <linux/audit.h>
#include "arch/abi.h"

/* arch/x86/entry/syscalls/syscall_32.tbl */
static const struct abi_syscall i386_syscalls[] = {
	{ 6, "close" },
	{ 54, "ioctl" },
	{ 63, "dup2" },
	{ 254, "epoll_create" },
	{ 255, "epoll_ctl" },
	{ 256, "epoll_wait" },
	{ 319, "epoll_pwait" },
	{ 329, "epoll_create1" },
	{ 330, "dup3" },
	{ 426, "io_uring_enter" },
	{ 436, "close_range" },
	{ 441, "epoll_pwait2" },
};

const struct abi abi_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.word_size = 4,
	.epoll_event_size = 12,
	.epoll_data_offset = 4,
	.syscalls = i386_syscalls,
	.nsyscalls = sizeof(i386_syscalls) / sizeof(i386_syscalls[0]),
};
