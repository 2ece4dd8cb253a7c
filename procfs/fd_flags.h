/* One number from /proc/PID/fdinfo/FD: its open flags, a pidfd's pid. */
#ifndef EPOLLTRACE_PROCFS_FD_FLAGS_H
#define EPOLLTRACE_PROCFS_FD_FLAGS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * The number after key ("flags:", "Pid:") in the fdinfo of pid's fd, in
 * base; false when the fd is closed or has no such line.
 */
bool proc_fdinfo_num(pid_t pid, int fd, const char *key, unsigned int base, uint64_t *val);

/* The fd's open flags (O_NONBLOCK, ...). */
bool proc_fd_flags(pid_t pid, int fd, uint64_t *flags);

#endif
