#include <stddef.h>
#include <string.h>

#include "arch/syscall_numbers.h"
#include "model/blocking_calls.h"

/*
 * What each named row of arch/syscalls.csv (NAMED_SYSCALLS) does, for a
 * loop's thread found in it: which argument is the fd it waits on (-1:
 * none), whether it waits for input as a read of an edge-triggered fd
 * would, whether the thread or its program is ending, whether it waits
 * for another thread of the process.  A row without its BLOCKING_ here
 * does not build.
 */
#define BLOCKING_read			.fd_arg = 0, .reads = true
#define BLOCKING_readv			.fd_arg = 0, .reads = true
#define BLOCKING_pread64		.fd_arg = 0, .reads = true
#define BLOCKING_recvfrom		.fd_arg = 0, .reads = true
#define BLOCKING_recvmsg		.fd_arg = 0, .reads = true
#define BLOCKING_accept			.fd_arg = 0, .reads = true
#define BLOCKING_accept4		.fd_arg = 0, .reads = true
#define BLOCKING_connect		.fd_arg = 0
#define BLOCKING_write			.fd_arg = 0
#define BLOCKING_writev			.fd_arg = 0
#define BLOCKING_sendto			.fd_arg = 0
#define BLOCKING_sendmsg		.fd_arg = 0
#define BLOCKING_flock			.fd_arg = 0
#define BLOCKING_fsync			.fd_arg = 0
#define BLOCKING_futex			.fd_arg = -1, .waits_for_thread = true
#define BLOCKING_futex_time64		.fd_arg = -1, .waits_for_thread = true
#define BLOCKING_nanosleep		.fd_arg = -1
#define BLOCKING_clock_nanosleep	.fd_arg = -1
#define BLOCKING_poll			.fd_arg = -1
#define BLOCKING_ppoll			.fd_arg = -1
#define BLOCKING_select			.fd_arg = -1
#define BLOCKING__newselect		.fd_arg = -1
#define BLOCKING_pselect6		.fd_arg = -1
#define BLOCKING_wait4			.fd_arg = -1
#define BLOCKING_openat			.fd_arg = -1
#define BLOCKING_exit			.fd_arg = -1, .ends = true
#define BLOCKING_exit_group		.fd_arg = -1, .ends = true

#define BLOCKING_ROW(call) { .name = #call, BLOCKING_##call },
static const struct blocking_call calls[] = { NAMED_SYSCALLS(BLOCKING_ROW) };

const struct blocking_call *blocking_call_of(const struct abi *abi, long nr)
{
	const char *name = nr >= 0 ? abi_named_syscall(abi ? abi : &abi_x86_64, (unsigned long) nr)
				   : NULL;
	for (size_t i = 0; name && i < sizeof(calls) / sizeof(calls[0]); i++)
		if (strcmp(calls[i].name, name) == 0)
			return &calls[i];
	return NULL;
}

/*
 * A process whose threads share their fd table grows it (past 64 fds,
 * 128, ...) by swapping in a bigger one after an RCU grace period, which
 * a loaded machine stretches to hundreds of ms; any call that opens an fd
 * (socket, accept4 of a non-blocking listener) waits for it, once per
 * doubling.  Prefixes: the RCU waits' names differ between kernels.
 */
static const char *const kernel_waits[] = {
	"expand_files",
	"synchronize_rcu",
	"wait_rcu_gp",
	"__wait_rcu_gp",
};

bool kernel_own_wait(const char *wchan)
{
	for (size_t i = 0; i < sizeof(kernel_waits) / sizeof(kernel_waits[0]); i++)
		if (strncmp(wchan, kernel_waits[i], strlen(kernel_waits[i])) == 0)
			return true;
	return false;
}
