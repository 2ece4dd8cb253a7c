/* The decoder of each syscall, listed together in syscall_table.c. */
#ifndef EPOLLTRACE_DECODE_SYSCALL_DESCS_H
#define EPOLLTRACE_DECODE_SYSCALL_DESCS_H

#include "decode/decoder.h"

extern const struct syscall_desc epoll_create_desc;
extern const struct syscall_desc epoll_create1_desc;
extern const struct syscall_desc epoll_ctl_desc;
extern const struct syscall_desc epoll_wait_desc;
extern const struct syscall_desc epoll_pwait_desc;
extern const struct syscall_desc epoll_pwait2_desc;
extern const struct syscall_desc epoll_ioctl_desc;

#endif
