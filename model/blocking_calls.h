/*
 * What the system calls a loop's thread can be found blocked in do: the
 * named rows of arch/syscalls.csv, to say in a loop-blocked warning what
 * it waits for.
 */
#ifndef EPOLLTRACE_MODEL_BLOCKING_CALLS_H
#define EPOLLTRACE_MODEL_BLOCKING_CALLS_H

#include <stdbool.h>

#include "arch/abi.h"

struct blocking_call {
	const char *name;
	int fd_arg;	/* which argument is the fd it waits on; -1: none */
	bool reads;	/* it waits for input, as a read of an edge-triggered fd would */
	bool ends;	/* the thread, or its program, is ending: it has left its loop */
	/*
	 * It waits for another thread of the process (a lock's holder, a
	 * helper): one that may be waiting for a CPU.
	 */
	bool waits_for_thread;
};

/* NULL when the call is not a named row of the ABI's (abi NULL: x86-64). */
const struct blocking_call *blocking_call_of(const struct abi *abi, long nr);

/*
 * Whether the kernel function a thread sleeps in (its wchan) waits for the
 * kernel's own work, not for anything the program asked for.
 */
bool kernel_own_wait(const char *wchan);

#endif
