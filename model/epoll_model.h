/*
 * The model of every epoll instance epolltrace has seen: each instance's
 * interest list, which processes hold it, and what the loop did with it.
 * It is told what the traced programs did (calls and their results,
 * already decoded) and checks each step for event-loop bugs.  It reads
 * /proc and kcmp(2) to learn what it was not told, but knows nothing of
 * ptrace.
 */
#ifndef EPOLLTRACE_MODEL_EPOLL_MODEL_H
#define EPOLLTRACE_MODEL_EPOLL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "arch/abi.h"
#include "model/model_env.h"
#include "util/strbuf.h"

struct model_config {
	bool diagnose;		/* check for bugs, not only keep the lists */
	/* Every close of the traced programs is told (model_fds_closed). */
	bool sees_closes;
	unsigned int oneshot_waits;	/* waits a fired ONESHOT fd may stay unarmed */
	unsigned int oneshot_ms;	/* ... or milliseconds, with waits going on */
	unsigned int repeat_waits;	/* consecutive waits for level-not-consumed, maxevents-saturated */
	unsigned int spin_waits;	/* consecutive empty zero-timeout waits for spin-loop */
	unsigned int blocked_ms;	/* a loop thread away from its waits this long, for loop-blocked */
};

#define MODEL_DEFAULT_CONFIG { .oneshot_waits = 100, .oneshot_ms = 1000, \
			       .repeat_waits = 100, .spin_waits = 1000, .blocked_ms = 100 }

/* A finished epoll_ctl. */
struct model_ctl {
	pid_t tgid, tid;
	int epfd, op, fd;
	bool has_event;		/* the event could be read */
	uint32_t events;
	uint64_t data;
	int err;		/* 0 on success */
};

/* An epoll_wait, epoll_pwait or epoll_pwait2. */
struct model_wait {
	const struct abi *abi;	/* the thread's; NULL: x86_64 */
	pid_t tgid, tid;
	int epfd;
	int maxevents;
	bool zero_timeout;
};

struct model_event {
	uint32_t events;
	uint64_t data;
};

/* One diagnostic, for the caller to print as text or JSON. */
struct model_warning {
	const char *kind;	/* stable: "ctl-eexist", ... */
	pid_t pid;
	int epfd;
	int fd;			/* -1 when it concerns no single fd */
	const char *evidence;	/* what was seen, without a final full stop */
	const char *advice;	/* why it is a bug and the usual fix */
	/*
	 * The thread found away from its waits (loop-blocked, et-blocking-fd)
	 * and its ABI (NULL: x86-64), whose stack -k shows; 0 for the others.
	 */
	pid_t tid;
	const struct abi *abi;
};

/* What a registered fd number is now. */
enum model_reg_state {
	REG_OPEN,	/* it names the registered file */
	REG_GHOST,	/* it names another file, or none: the registration outlived it */
	REG_CLOSED,	/* it names nothing, and the registration is still there */
	REG_EXITED,	/* the process has exited */
};

/* One line of a dump: a registration, or (fd -1) an empty list. */
struct model_dump_reg {
	pid_t pid;
	int epfd;
	int fd;
	const char *name;	/* what the fd names, or why it names nothing */
	uint32_t events;
	uint64_t data;
	bool disarmed;
	uint64_t reported;
	int64_t idle_ns;	/* since its last event; -1 when none was seen */
	enum model_reg_state state;
};

/* After a dumped instance: whether the model agreed with the kernel. */
struct model_dump_check {
	pid_t pid;
	int epfd;
	bool matches;
	size_t nregs;
	const char *differences;	/* when it does not match */
};

struct model_output {
	void *ctx;
	void (*warning)(void *ctx, const struct model_warning *w);
	void (*dump_reg)(void *ctx, const struct model_dump_reg *r);
	void (*dump_check)(void *ctx, const struct model_dump_check *c);
};

/* How often each kind was seen, for the summary. */
struct model_kind_count {
	const char *kind;
	unsigned long warned;		/* distinct occurrences reported */
	unsigned long repeats;		/* an occurrence seen again */
	unsigned long recovered;	/* failures the thread's next call fixed */
};

struct model;

/* env: where the model reads what it is not told (model_env_live: the kernel). */
struct model *model_new(const struct model_config *cfg, const struct model_output *out,
			const struct model_env *env);
void model_free(struct model *m);

void model_epoll_created(struct model *m, pid_t tgid, int epfd);
void model_ctl_done(struct model *m, const struct model_ctl *c);
void model_wait_started(struct model *m, const struct model_wait *w);
/* err is 0 when the wait returned n events (maybe none). */
void model_wait_done(struct model *m, const struct model_wait *w, int err,
		     const struct model_event *ev, size_t n);

/*
 * What became of a closed fd's file, as a backend that cannot stop the
 * call saw it at its entry (the eBPF one): by the time the model hears
 * of the close, /proc may no longer show it.  FD_FATE_UNSEEN: the call
 * stands stopped, and fdinfo says it.
 */
enum fd_fate { FD_FATE_UNSEEN, FD_FATE_GONE, FD_FATE_KEPT };

/* fds lo..hi were closed (close, close_range), or replaced by dup2/dup3. */
void model_fds_closed(struct model *m, pid_t tgid, pid_t tid, unsigned int lo, unsigned int hi,
		      bool replaced, enum fd_fate fate);
/* Registrations may have changed without an epoll_ctl (io_uring). */
void model_kernel_changed(struct model *m, pid_t tgid);
/* tgid completed an execve: O_CLOEXEC fds are gone. */
void model_exec(struct model *m, pid_t tgid);
void model_thread_gone(struct model *m, pid_t tid);
/*
 * tgid's leader is exiting, its fds still open: the dump at its exit shows
 * only the instances they still name.
 */
void model_process_exiting(struct model *m, pid_t tgid);
void model_process_gone(struct model *m, pid_t tgid);
/* Learns every instance tgid holds now (when attaching). */
void model_load_process(struct model *m, pid_t tgid);
/*
 * Calls of tgid were never told (the eBPF backend's ring buffer was
 * full): its lists, and what the diagnostics remember of it, are no
 * longer known, and its diagnostics are held off until model_catch_up.
 * True when it was not already waiting for one.
 */
bool model_calls_lost(struct model *m, pid_t tgid);
/*
 * The calls told so far are all that were made: the lists of processes
 * that lost calls are read again from the kernel, as at attach, and
 * watched afresh from there.
 */
void model_catch_up(struct model *m);

/* How many registrations tgid's epfd has, as the model knows; -1 when it knows no such instance. */
long model_instance_size(const struct model *m, pid_t tgid, int epfd);

/*
 * The fd whose registration in tgid's epfd has data (a pointer, often),
 * when no other registration has it and the fd still names the file
 * registered; else -1.
 */
int model_fd_registered_with(struct model *m, pid_t tgid, int epfd, uint64_t data);
/* --event-fds: the same, when data is also that fd's number; else -1. */
int model_fd_of_data(struct model *m, pid_t tgid, int epfd, uint64_t data);

/*
 * The interest list of every instance tgid holds (all of them for 0) as
 * the model has it, each checked against the kernel's, which the model
 * then takes over.  A process that has exited is shown as it was left.
 */
void model_dump(struct model *m, pid_t tgid);
/* The same for one instance: tgid's epfd. */
void model_dump_instance(struct model *m, pid_t tgid, int epfd);
/*
 * Time has passed (called every blocked_ms / 4 or so): a loop thread that
 * has not waited again for blocked_ms is reported while it is away, with
 * what it is doing.
 */
void model_tick(struct model *m);
/* The trace is over: warnings held back, and hangs seen at the end. */
void model_finish(struct model *m);
/* Fills counts[] (room for DIAG_NKINDS of model/diag_kinds.h), one per kind. */
void model_kind_counts(const struct model *m, struct model_kind_count *counts);

#endif
