#ifndef EPOLLTRACE_TRACE_TRACEE_MEMORY_H
#define EPOLLTRACE_TRACE_TRACEE_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Copies len bytes at addr in the stopped thread tid; false on any fault,
 * and with errno EWOULDBLOCK when the read was not made because it could
 * wait for a userfaultfd handler (trace/uffd_watch.h).
 */
bool tracee_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/*
 * Writes len bytes at addr in the stopped thread tid, where the program
 * itself could write them; false otherwise, or when the write could wait
 * for a userfaultfd handler.
 */
bool tracee_write(pid_t tid, uint64_t addr, const void *buf, size_t len);

#endif
