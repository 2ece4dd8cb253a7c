/* An fd's open flags, from the "flags:" line of /proc/PID/fdinfo/FD. */
#ifndef EPOLLTRACE_MODEL_FD_FLAGS_H
#define EPOLLTRACE_MODEL_FD_FLAGS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* False when the fd is closed or its flags cannot be read. */
bool proc_fd_flags(pid_t pid, int fd, uint64_t *flags);

#endif
