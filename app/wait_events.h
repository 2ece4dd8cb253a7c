/*
 * A wait's returned events, read and unpacked once per stop: the --fd
 * filter, -c's statistics and the model all use this one array, kept
 * from stop to stop so that a call allocates nothing.
 */
#ifndef EPOLLTRACE_APP_WAIT_EVENTS_H
#define EPOLLTRACE_APP_WAIT_EVENTS_H

#include "decode/decoder.h"
#include "model/epoll_model.h"

struct wait_events {
	bool valid;		/* read at this stop */
	bool complete;		/* every returned event could be read */
	struct model_event *v;	/* the first n returned events, in order */
	size_t n, cap;
	unsigned char *raw;	/* one read's bytes */
	size_t raw_cap;
	/* wait_events_fds's: the fd of each event, -1 where it is unknown. */
	bool fds_valid;
	int *fds;
	size_t fds_cap;
};

/* The fd registered in epfd with data, or -1 (app: the model answers). */
typedef int data_fd_fn(void *ctx, int epfd, uint64_t data);

/*
 * The events the wait call returned (its desc's roles.events_result),
 * read at the first use in a stop; wait_events_forget ends the stop.
 */
const struct wait_events *wait_events_of(struct wait_events *we, const struct syscall_call *call);
/*
 * Which fd each of those events stands for, as fd_of finds it through the
 * registration with its data (a pointer, often): found at the first use
 * in a stop, for the --fd filter and -c alike.
 */
const int *wait_events_fds(struct wait_events *we, const struct syscall_call *call,
			   data_fd_fn *fd_of, void *ctx);
void wait_events_forget(struct wait_events *we);
void wait_events_free(struct wait_events *we);

#endif
