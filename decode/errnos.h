/* The names of Linux errno values, kernel-internal ones included. */
#ifndef EPOLLTRACE_DECODE_ERRNOS_H
#define EPOLLTRACE_DECODE_ERRNOS_H

#include <stdint.h>

/* "EEXIST", or NULL for a number Linux does not define. */
const char *errno_name(uint64_t err);
/* The value of "EEXIST" (as strace takes it, in any case), or -1. */
int errno_by_name(const char *name);

#endif
