/*
 * The model's state: every instance it knows, which traced process holds
 * each through which fd, and which instance each thread waits on.  It
 * changes only as the calls it is told say, and reads the kernel through
 * its env; it never calls a watcher.
 */
#ifndef EPOLLTRACE_MODEL_PROCESSES_H
#define EPOLLTRACE_MODEL_PROCESSES_H

#include "model/instance.h"
#include "model/model_env.h"

struct ep_handle {
	int fd;
	struct ep_instance *inst;
};

struct ep_process {
	pid_t tgid;
	struct ep_handle *handles;
	size_t n, cap;
	bool scanned;		/* every epoll fd it holds is among its handles */
	/* Some of its calls were never told (model_calls_lost): read its lists again. */
	bool unsure;
};

struct model_state {
	const struct model_env *env;
	int64_t start_ns;
	/* Every close of the traced programs is told. */
	bool sees_closes;
	/* A close reads the kernel's list, to tell a registration left behind. */
	bool reads_closes;
	uint64_t next_id;
	struct ep_instance **insts;
	size_t ninsts, insts_cap;
	struct ep_process **procs;
	size_t nprocs, procs_cap;
	struct u64_map waiting;	/* tid -> the instance it waits on (0: one forgotten) */
	size_t nunsure;		/* processes with unsure set */
};

void state_init(struct model_state *st, const struct model_env *env, bool sees_closes,
		bool reads_closes);
void state_free(struct model_state *st);
/* Nanoseconds since the trace began. */
int64_t state_now(const struct model_state *st);

/* Whether tgid's fd is an epoll instance (now). */
bool fd_is_epoll(const struct model_env *env, pid_t tgid, int fd);
struct ep_process *process_get(struct model_state *st, pid_t tgid);
struct ep_process *process_find(const struct model_state *st, pid_t tgid);
/* tgid is gone: its handles, and instances only it held, with it. */
void process_forget(struct model_state *st, pid_t tgid);
/*
 * Drops the handles whose fd no longer names an epoll instance: closed
 * where the model was not told (no --diagnose), the number maybe reused.
 * Nothing is dropped once the process has no fds left to look at.
 */
void process_prune(struct model_state *st, struct ep_process *p);
/* Makes sure every epoll fd tgid holds is one of its handles. */
void process_scan(struct model_state *st, struct ep_process *p);
/* Reads every list p holds from the kernel again, and finds the epoll fds it has now. */
void process_reread(struct model_state *st, struct ep_process *p);
/*
 * The instance behind tgid's epfd; NULL if epfd is no epoll fd.  One seen
 * for the first time is read from the kernel, and *learnt (if not NULL)
 * says so.
 */
struct ep_instance *instance_of(struct model_state *st, pid_t tgid, int epfd, bool *learnt);
/* A new instance epoll_create gave tgid as epfd. */
void instance_created(struct model_state *st, pid_t tgid, int epfd);
/* The fd by which tgid holds inst, or -1. */
int handle_fd(const struct ep_process *p, const struct ep_instance *inst);
void handle_drop(struct model_state *st, struct ep_process *p, int fd);
/* A process's fd for inst, to read its list through; false when none is left. */
bool instance_holder(const struct model_state *st, const struct ep_instance *inst, pid_t *tgid,
		     int *epfd);
/* Re-reads inst's list from the kernel through tgid's epfd. */
size_t instance_resync(struct model_state *st, struct ep_instance *inst, pid_t tgid, int epfd);
/*
 * tgid uses inst: the process that used it first, if it still holds it,
 * is returned (it shares the instance); else tgid becomes its user, and 0.
 */
pid_t instance_user(struct model_state *st, struct ep_instance *inst, pid_t tgid);
/* Thread tid waits on inst (NULL: on no instance the model knows). */
void wait_begins(struct model_state *st, pid_t tid, struct ep_instance *inst);
/* Its wait ended, or it is gone: the instance it waited on, if it still exists. */
struct ep_instance *wait_ends(struct model_state *st, pid_t tid);

#endif
