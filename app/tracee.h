/*
 * What the session keeps of each traced task between its stops, and the
 * reads of its memory, which a stop's readers share.
 */
#ifndef EPOLLTRACE_APP_TRACEE_H
#define EPOLLTRACE_APP_TRACEE_H

#include <time.h>

#include "app/session.h"

struct fd_end_call;

/* A call the model is told of at its exit. */
struct model_call {
	bool active;
	const struct abi *abi;
	const struct syscall_desc *desc;	/* an epoll call, or */
	const struct fd_end_call *end;		/* one that ends fds */
	uint64_t args[6];
	pid_t tgid;
	bool zero_timeout;
	/* epoll_ctl's event, read at entry */
	bool has_event;
	uint32_t events;
	uint64_t data;
};

/* What the session remembers of one task between its stops. */
struct tracee_state {
	struct syscall_call call;
	bool in_call;
	/* -e inject=: this thread's counts, and whether this call's result was made up. */
	struct inject_count inject[NSYSCALL_DECODERS];
	struct inject_done injected;
	/* The call's line, as the output writes it. */
	struct call_line line;
	/* Filters only the result can decide (at_exit). */
	bool judged_at_exit;
	struct timespec entry_time;	/* for -T, -c, -C, --json */
	pid_t tgid;			/* 0 until read: see tracee_tgid */
	bool exit_told;			/* its +++ line is printed */
	const struct abi *abi;
	struct fd_names fd_names;	/* -y: names this task's fds */
	struct model_call model_call;
	struct session *session;	/* for the callbacks the decoders get */
	/* -ff: the output of the task's own file; NULL until its first line. */
	struct trace_output *own_out;
	bool own_out_failed;		/* its file could not be opened */
	/* The first read of the call not made lest it wait (told after its line). */
	struct {
		bool pending;
		uint64_t addr;
	} unread;
};

/* t's state, made on first use. */
struct tracee_state *state_of(struct session *s, struct task *t);
/* Forgets t's state: its task is gone or let go. */
void tracee_drop(struct task *t);
/* t's process id, read once from /proc (at attach, while /proc still has it). */
pid_t tracee_tgid(struct task *t, struct tracee_state *st);
/* Where t's lines go: the session's output, or under -ff t's own file's. */
struct trace_output *output_of(struct session *s, struct task *t);
/* t as the output names it. */
struct task_ref tracee_ref(struct session *s, struct task *t, struct tracee_state *st);

/* struct tracee_mem's reader, for a struct task, through the session's read cache. */
bool read_tracee(void *ctx, uint64_t addr, void *buf, size_t len);
/* Reads len bytes at addr into the cache, for the stop's later reads of them. */
void tracee_read_ahead(struct task *t, uint64_t addr, size_t len);

#endif
