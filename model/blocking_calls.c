#include <stddef.h>
#include <string.h>

#include "model/blocking_calls.h"

/*
 * Numbers from the kernel's asm/unistd_64.h and asm/unistd_32.h; -1: none
 * there.  Each call: name, fd_arg, reads, ends, waits_for_thread.
 */
static const struct {
	struct blocking_call call;
	long x86_64, i386;
} calls[] = {
	{ { "read", 0, true, false, false }, 0, 3 },
	{ { "readv", 0, true, false, false }, 19, 145 },
	{ { "pread64", 0, true, false, false }, 17, 180 },
	{ { "recvfrom", 0, true, false, false }, 45, 371 },
	{ { "recvmsg", 0, true, false, false }, 47, 372 },
	{ { "accept", 0, true, false, false }, 43, -1 },
	{ { "accept4", 0, true, false, false }, 288, 364 },
	{ { "connect", 0, false, false, false }, 42, 362 },
	{ { "write", 0, false, false, false }, 1, 4 },
	{ { "writev", 0, false, false, false }, 20, 146 },
	{ { "sendto", 0, false, false, false }, 44, 369 },
	{ { "sendmsg", 0, false, false, false }, 46, 370 },
	{ { "flock", 0, false, false, false }, 73, 143 },
	{ { "fsync", 0, false, false, false }, 74, 118 },
	{ { "futex", -1, false, false, true }, 202, 240 },
	{ { "futex_time64", -1, false, false, true }, -1, 422 },
	{ { "nanosleep", -1, false, false, false }, 35, 162 },
	{ { "clock_nanosleep", -1, false, false, false }, 230, 267 },
	{ { "poll", -1, false, false, false }, 7, 168 },
	{ { "ppoll", -1, false, false, false }, 271, 309 },
	{ { "select", -1, false, false, false }, 23, 142 },
	{ { "pselect6", -1, false, false, false }, 270, 308 },
	{ { "wait4", -1, false, false, false }, 61, 114 },
	{ { "openat", -1, false, false, false }, 257, 295 },
	{ { "exit", -1, false, true, false }, 60, 1 },
	{ { "exit_group", -1, false, true, false }, 231, 252 },
};

const struct blocking_call *blocking_call_of(const struct abi *abi, long nr)
{
	bool i386 = abi == &abi_i386;
	if (abi && abi != &abi_x86_64 && !i386)
		return NULL;
	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if ((i386 ? calls[i].i386 : calls[i].x86_64) == nr)
			return &calls[i].call;
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
