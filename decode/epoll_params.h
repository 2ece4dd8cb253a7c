/*
 * The epoll busy-poll ioctls of Linux 6.9 (include/uapi/linux/eventpoll.h),
 * written out because the installed headers may predate them.
 */
#ifndef EPOLLTRACE_DECODE_EPOLL_PARAMS_H
#define EPOLLTRACE_DECODE_EPOLL_PARAMS_H

#define EPOLL_IOC_TYPE 0x8a
/* _IOW(0x8A, 0x01, struct epoll_params) and _IOR(0x8A, 0x02, ...) */
#define EPOLL_IOC_SET_PARAMS 0x40088a01u
#define EPOLL_IOC_GET_PARAMS 0x80088a02u

/*
 * struct epoll_params: u32 busy_poll_usecs, u16 busy_poll_budget,
 * u8 prefer_busy_poll, u8 __pad; the same on every ABI.
 */
#define EPOLL_PARAMS_SIZE 8
#define EPOLL_PARAMS_BUDGET_OFFSET 4
#define EPOLL_PARAMS_PREFER_OFFSET 6
#define EPOLL_PARAMS_PAD_OFFSET 7

#endif
