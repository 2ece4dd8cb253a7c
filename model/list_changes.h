/*
 * How the calls the model is told change the interest lists: a ctl that
 * succeeded, a wait's events, closes, exec and io_uring.  The changes
 * report nothing; what a watcher needs to hear of is handed back.
 */
#ifndef EPOLLTRACE_MODEL_LIST_CHANGES_H
#define EPOLLTRACE_MODEL_LIST_CHANGES_H

#include "model/epoll_model.h"
#include "model/processes.h"

/* A successful epoll_ctl; returns the entry it registered, NULL when the list was read instead. */
struct ep_entry *list_ctl_done(struct model_state *st, struct ep_instance *inst,
			       const struct model_ctl *c);

/* Told of each event of a wait, with the entry it named (NULL if none). */
typedef void list_event_fn(void *ctx, const struct model_event *ev, struct ep_entry *e);

/*
 * A wait's n events, returned at now: each names an entry by its data,
 * which is counted, and disarmed if it is a ONESHOT one.  An unknown data
 * word makes the list be read again, once per wait.  each may be NULL.
 */
void list_wait_events(struct model_state *st, struct ep_instance *inst, pid_t tgid, int epfd,
		      const struct model_event *ev, size_t n, int64_t now,
		      list_event_fn *each, void *ctx);

/* A registration whose fd was closed while its file lives on: now a ghost. */
struct left_behind {
	uint64_t inst_id;
	pid_t tgid;
	int epfd;
	int tfd;
	uint32_t events;
	uint64_t data;
	int64_t since_ns;
	const char *how;	/* "closed", ... */
};

struct left_behinds {
	struct left_behind *v;
	size_t n, cap;
};

void left_behinds_free(struct left_behinds *lb);

/* tgid's fds lo..hi were closed (how says in what way; fate, what became of the file). */
void list_fds_closed(struct model_state *st, struct ep_process *p, unsigned int lo,
		     unsigned int hi, const char *how, enum fd_fate fate, struct left_behinds *out);
/* tgid completed an execve: the O_CLOEXEC fds are closed. */
void list_exec(struct model_state *st, pid_t tgid, struct left_behinds *out);
/* tgid's lists may have changed without an epoll_ctl: read each at its next use. */
void list_kernel_changed(struct model_state *st, pid_t tgid);
/*
 * Calls of p's were lost: its lists are read again now, and what the
 * model guessed of their past (ghosts, removals, when a ONESHOT fired)
 * is dropped.
 */
void list_reread(struct model_state *st, struct ep_process *p);

#endif
