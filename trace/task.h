/* The table of traced threads, keyed by tid. */
#ifndef EPOLLTRACE_TRACE_TASK_H
#define EPOLLTRACE_TRACE_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct ebpf_record;

struct task {
	pid_t tid;
	/* An entry was reported and its exit is wanted. */
	bool awaiting_exit;
	/* -e inject=...:signal=: sent as the call's exit stop is left. */
	int signal_after_call;
	/*
	 * delay_enter=, delay_exit=: µs the stop being handled, and the
	 * call's exit stop, keep the task stopped; while held, the monotonic
	 * µs it goes on at, and the signal it then gets.
	 */
	unsigned int hold_usec, hold_exit_usec;
	uint64_t held_until;
	int held_sig;
	/* Its creator's fork/clone event was seen (or it has no creator to wait for). */
	bool announced;
	/* Stopped at attach and kept so until engine_run: held_status is its wait status. */
	bool held;
	int held_status;
	void *user;
	/* The eBPF backend: its process, and while a hook runs, the record it is told. */
	pid_t tgid;
	const struct ebpf_record *record;
	/*
	 * A detach's pause: stopped at its detach and kept so until every
	 * task stands still; parked_sig goes with it when it is let go.
	 */
	bool parked;
	int parked_sig;
	/* The signal of the group-stop its last stop put it in; 0 once it stops otherwise. */
	int group_stop_sig;
	/* Its PTRACE_EVENT_EXIT was seen: it can only end now, never stop. */
	bool exit_seen;
	/* Born of vfork: its parent cannot stop until it execs or exits. */
	bool vfork_child;
	/* A leader whose process ends once its other threads are gone. */
	bool exit_pending;
	int exit_status;
	struct task *next;
};

struct task_table {
	struct task **buckets;
	size_t nbuckets;
	size_t count;
};

void task_table_init(struct task_table *tt);
void task_table_free(struct task_table *tt);
struct task *task_find(const struct task_table *tt, pid_t tid);
/* Returns the existing task for tid, or a new zeroed one. */
struct task *task_get(struct task_table *tt, pid_t tid);
void task_remove(struct task_table *tt, struct task *t);
/* Takes t out of the table without freeing it. */
void task_unlink(struct task_table *tt, struct task *t);
/* Gives t another tid (after a non-leader thread's execve). */
void task_rekey(struct task_table *tt, struct task *t, pid_t tid);

#endif
