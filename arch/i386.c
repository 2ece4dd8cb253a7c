#include <asm/unistd_32.h>
#include <linux/audit.h>
#include <linux/ipc.h>
#include <linux/net.h>
#include <stddef.h>
#include <sys/user.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"

ABI_SYSCALL_TABLES(i386, SYSCALLS_I386, NAMED_SYSCALLS_I386)

/* socketcall(2)'s calls, by its first argument. */
static const char *const socket_calls[] = {
	[SYS_SOCKET] = "socket",
	[SYS_BIND] = "bind",
	[SYS_CONNECT] = "connect",
	[SYS_LISTEN] = "listen",
	[SYS_ACCEPT] = "accept",
	[SYS_GETSOCKNAME] = "getsockname",
	[SYS_GETPEERNAME] = "getpeername",
	[SYS_SOCKETPAIR] = "socketpair",
	[SYS_SEND] = "send",
	[SYS_RECV] = "recv",
	[SYS_SENDTO] = "sendto",
	[SYS_RECVFROM] = "recvfrom",
	[SYS_SHUTDOWN] = "shutdown",
	[SYS_SETSOCKOPT] = "setsockopt",
	[SYS_GETSOCKOPT] = "getsockopt",
	[SYS_SENDMSG] = "sendmsg",
	[SYS_RECVMSG] = "recvmsg",
	[SYS_ACCEPT4] = "accept4",
	[SYS_RECVMMSG] = "recvmmsg",
	[SYS_SENDMMSG] = "sendmmsg",
};

/* ipc(2)'s calls, by its first argument's low half (the high half is a version). */
static const char *const ipc_calls[] = {
	[SEMOP] = "semop",
	[SEMGET] = "semget",
	[SEMCTL] = "semctl",
	[SEMTIMEDOP] = "semtimedop",
	[MSGSND] = "msgsnd",
	[MSGRCV] = "msgrcv",
	[MSGGET] = "msgget",
	[MSGCTL] = "msgctl",
	[SHMAT] = "shmat",
	[SHMDT] = "shmdt",
	[SHMGET] = "shmget",
	[SHMCTL] = "shmctl",
};

static const struct abi_multiplexer i386_multiplexers[] = {
	{ __NR_socketcall, 0xffffffff, socket_calls, sizeof(socket_calls) / sizeof(socket_calls[0]) },
	{ __NR_ipc, 0xffff, ipc_calls, sizeof(ipc_calls) / sizeof(ipc_calls[0]) },
};

const struct abi abi_i386 = {
	.name = "i386",
	.audit_arch = AUDIT_ARCH_I386,
	.word_size = 4,
	.epoll_event_size = 12,
	.epoll_data_offset = 4,
	ABI_SYSCALL_FIELDS(i386),
	.multiplexers = i386_multiplexers,
	.nmultiplexers = sizeof(i386_multiplexers) / sizeof(i386_multiplexers[0]),
	/* An i386 task's registers, seen from x86-64: ebx is rbx's low half. */
	.first_arg_reg = offsetof(struct user_regs_struct, rbx),
	.stack_pointer_reg = offsetof(struct user_regs_struct, rsp),
	.red_zone = 0,
};
