/*
 * What the session keeps per task, shared by session.c (the task's life:
 * signals, stops, exits, detach) and call_lines.c (its traced calls).
 */
#ifndef EPOLLTRACE_APP_SESSION_STATE_H
#define EPOLLTRACE_APP_SESSION_STATE_H

#include <time.h>

#include "app/session.h"
#include "stack/stack_trace.h"

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
	/*
	 * The call's line is kept here and printed whole at exit, or not at
	 * all: -z, -Z, and filters only its result can decide (at_exit).
	 */
	bool deferred;
	bool judged_at_exit;
	struct strbuf pending;
	/* The decoders' emitter, from the call's entry to its exit. */
	struct emitter em;
	struct emit_names names;	/* --json: the fds the call named (-y) */
	struct timespec entry_time;	/* for -T, -c, -C, --json */
	pid_t tgid;			/* 0 until read: see tracee_tgid */
	bool exit_told;			/* its +++ line is printed */
	/* The entry printed everything but the return value. */
	bool decoded_at_entry;
	/* strace starts the next call's exit on a line of its own after an exec took over the pid. */
	bool reprint;
	const struct abi *abi;
	struct task_stack *stack;	/* -k: the call's stack, taken at its entry */
	struct fd_names fd_names;	/* -y: names this task's fds */
	struct model_call model_call;
	struct session *session;	/* for the callbacks the decoders get */
};

struct tracee_state *state_of(struct session *s, struct task *t);
/* t's process id, read once from /proc (at attach, while /proc still has it). */
pid_t tracee_tgid(struct task *t, struct tracee_state *st);
/* struct tracee_mem's reader, for a struct task. */
bool read_tracee(void *ctx, uint64_t addr, void *buf, size_t len);
/* Starts a line of t's, with the prefix strace would give it. */
void start_line(struct session *s, struct task *t);

/* The engine's syscall hooks. */
bool call_entry(void *ctx, struct task *t, const struct syscall_stop *stop);
void call_exit(void *ctx, struct task *t, const struct syscall_stop *stop);
/* t dies inside a call: its line ends with "= ?", as strace's. */
void call_abandon(struct session *s, struct task *t, struct tracee_state *st);
/* t is let go inside a call: its line ends with " <detached ...>". */
void call_detach(struct session *s, struct task *t, struct tracee_state *st);

#endif
