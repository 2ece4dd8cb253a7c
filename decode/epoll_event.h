/* struct epoll_event, whose size and layout depend on the ABI. */
#ifndef EPOLLTRACE_DECODE_EPOLL_EVENT_H
#define EPOLLTRACE_DECODE_EPOLL_EVENT_H

#include <string.h>

#include "decode/decoder.h"

/* The largest struct epoll_event of the ABIs we decode. */
#define EPOLL_EVENT_MAX_SIZE 16

/*
 * Events read per memory access of a wait's returned events: each access
 * is a syscall, so a whole wait's events are read at once, up to a bound
 * on the buffer.
 */
#define EVENTS_PER_READ 4096

/* The event mask as flags: strace's "EPOLLIN|EPOLLET", unknown bits as a hex remainder. */
void emit_epoll_events(struct emitter *em, uint32_t events);

/* The whole 64 bits in hex, "0x7" ("0" in text), since the union may hold anything. */
void emit_epoll_data(struct emitter *em, uint64_t data);

/* raw holds call->abi->epoll_event_size bytes: "{events=EPOLLIN, data=0x7}". */
void emit_epoll_event(struct emitter *em, const struct syscall_call *call, const void *raw);

/*
 * raw holds abi->epoll_event_size bytes of a struct epoll_event: its two
 * fields.  Inline, since a wait's every event goes through it.
 */
static inline void epoll_event_unpack(const struct abi *abi, const void *raw, uint32_t *events,
				      uint64_t *data)
{
	memcpy(events, raw, sizeof(*events));
	memcpy(data, (const unsigned char *) raw + abi->epoll_data_offset, sizeof(*data));
}

#endif
