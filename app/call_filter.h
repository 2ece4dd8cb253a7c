/*
 * The epoll filters --epfd, --fd and --op: whether a call concerns the
 * instances, fds and operations asked for.  Some calls can only be judged
 * at exit: a new instance's fd, the fds a wait returned.
 */
#ifndef EPOLLTRACE_APP_CALL_FILTER_H
#define EPOLLTRACE_APP_CALL_FILTER_H

#include "app/wait_events.h"
#include "decode/decoder.h"

#define CALL_FILTER_MAX_FDS 64

struct fd_set_small {
	size_t count;		/* 0: no filter */
	int fds[CALL_FILTER_MAX_FDS];
};

struct call_filter {
	struct fd_set_small epfds;
	struct fd_set_small fds;
	unsigned int ops;	/* bit 1 << EPOLL_CTL_*; 0: no filter */
};

enum filter_verdict { FILTER_SHOW, FILTER_HIDE, FILTER_AT_EXIT };

enum filter_verdict call_filter_at_entry(const struct call_filter *f,
					 const struct syscall_call *call);
/*
 * For FILTER_AT_EXIT: the call's result and, for a wait, the events it
 * returned decide, each by the fd fd_of says its data was registered
 * with, or else by its data as an fd's number.
 */
bool call_filter_at_exit(const struct call_filter *f, const struct syscall_call *call,
			 struct wait_events *we, data_fd_fn *fd_of, void *ctx);

/* "add", "mod", "del" (any case); -1 for anything else. */
int call_filter_op_by_name(const char *name);

#endif
