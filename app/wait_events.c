#include <stdlib.h>

#include "app/wait_events.h"
#include "decode/epoll_event.h"
#include "util/xalloc.h"

/* Reads count events at addr and appends them; false when they cannot be read. */
static bool read_chunk(struct wait_events *we, const struct syscall_call *call, uint64_t addr,
		       size_t count)
{
	size_t size = call->abi->epoll_event_size;
	if (count * size > we->raw_cap) {
		we->raw_cap = EVENTS_PER_READ * EPOLL_EVENT_MAX_SIZE;
		we->raw = xrealloc(we->raw, we->raw_cap);
	}
	if (!call->mem.read(call->mem.ctx, addr, we->raw, count * size))
		return false;
	while (we->cap < we->n + count)
		we->v = grow_array(we->v, &we->cap, we->cap, sizeof(*we->v));
	for (size_t i = 0; i < count; i++) {
		struct model_event *ev = &we->v[we->n++];
		epoll_event_unpack(call->abi, we->raw + i * size, &ev->events, &ev->data);
	}
	return true;
}

const struct wait_events *wait_events_of(struct wait_events *we, const struct syscall_call *call)
{
	if (we->valid)
		return we;
	we->valid = true;
	we->n = 0;
	we->complete = true;
	uint64_t total = call->is_error || call->rval < 0 ? 0 : (uint64_t) call->rval;
	uint64_t addr = call->args[call->desc->roles.events];
	size_t size = call->abi->epoll_event_size;
	for (uint64_t done = 0; done < total && we->complete;) {
		size_t n = total - done < EVENTS_PER_READ ? (size_t) (total - done) : EVENTS_PER_READ;
		we->complete = read_chunk(we, call, addr + done * size, n);
		done += n;
	}
	return we;
}

const int *wait_events_fds(struct wait_events *we, const struct syscall_call *call,
			   data_fd_fn *fd_of, void *ctx)
{
	wait_events_of(we, call);
	if (we->fds_valid)
		return we->fds;
	we->fds_valid = true;
	while (we->fds_cap < we->n)
		we->fds = grow_array(we->fds, &we->fds_cap, we->fds_cap, sizeof(*we->fds));
	int epfd = (int) call->args[call->desc->roles.epfd];
	for (size_t i = 0; i < we->n; i++)
		we->fds[i] = fd_of(ctx, epfd, we->v[i].data);
	return we->fds;
}

void wait_events_forget(struct wait_events *we)
{
	we->valid = false;
	we->fds_valid = false;
}

void wait_events_free(struct wait_events *we)
{
	free(we->v);
	free(we->raw);
	free(we->fds);
	*we = (struct wait_events) { 0 };
}
