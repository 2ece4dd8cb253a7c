/*
 * The system calls a loop's thread is found blocked in, by number on each
 * ABI: to name what it waits for in a loop-blocked warning.
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

/* NULL when the call is not in the table, or the ABI not x86-64 or i386 (abi NULL: x86-64). */
const struct blocking_call *blocking_call_of(const struct abi *abi, long nr);

/*
 * Whether the kernel function a thread sleeps in (its wchan) waits for the
 * kernel's own work, not for anything the program asked for.
 */
bool kernel_own_wait(const char *wchan);

#endif
