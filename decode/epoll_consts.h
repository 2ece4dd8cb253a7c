/* The named constants of the epoll API. */
#ifndef EPOLLTRACE_DECODE_EPOLL_CONSTS_H
#define EPOLLTRACE_DECODE_EPOLL_CONSTS_H

#include "decode/xlat.h"

#define EPOLL_CTL_DEL_OP 2	/* its event argument is ignored, so not read */

extern const struct xlat epoll_events_xlat;
extern const struct xlat epoll_ctl_ops_xlat;
extern const struct xlat epoll_create1_flags_xlat;

#endif
