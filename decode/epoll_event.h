/* struct epoll_event, whose size and layout depend on the ABI. */
#ifndef EPOLLTRACE_DECODE_EPOLL_EVENT_H
#define EPOLLTRACE_DECODE_EPOLL_EVENT_H

#include "decode/decoder.h"

/* The largest struct epoll_event of the ABIs we decode. */
#define EPOLL_EVENT_MAX_SIZE 16

/* raw holds call->abi->epoll_event_size bytes: "{events=EPOLLIN, data=0x7}". */
void print_epoll_event(struct strbuf *out, const struct syscall_call *call,
		       const void *raw);

#endif
