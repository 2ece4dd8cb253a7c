/*
 * process_vm_readv in a thread of its own, waited for until a deadline.
 * A read that faults on a page userfaultfd tracks waits for the program's
 * handler, which may be at one of the tracer's stops; only SIGKILL ends
 * that wait.  The thread is then left to it, and the caller goes on.
 */
#ifndef EPOLLTRACE_TRACE_BOUNDED_READ_H
#define EPOLLTRACE_TRACE_BOUNDED_READ_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * As process_vm_readv of one range of tid: the bytes read, or -1 with
 * errno; ETIMEDOUT when the read had not ended after deadline_ms.
 */
ssize_t bounded_read(pid_t tid, uint64_t addr, void *buf, size_t len, int deadline_ms);

#endif
