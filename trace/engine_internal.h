/* State shared by the engine's files; nothing outside trace/ includes it. */
#ifndef EPOLLTRACE_TRACE_ENGINE_INTERNAL_H
#define EPOLLTRACE_TRACE_ENGINE_INTERNAL_H

#include "trace/engine.h"
#include "trace/spin.h"
#include "trace/task.h"

struct engine {
	struct engine_hooks hooks;
	struct engine_config cfg;
	struct task_table tasks;
	/* Under the seccomp filter only trapped calls stop; else every call does. */
	bool seccomp_mode;
	/* engine_detach_all was called: every stop now ends in a detach. */
	bool detaching;
	/* engine_detach_all_stopped: each process is sent SIGSTOP as it is let go. */
	bool leave_stopped;
	/*
	 * The detach_pause hook waits for every task to stand still (parked
	 * at its stop, or past its exit event): nstill of them do.  Past
	 * park_deadline, with no new stop, the others are not waited for.
	 */
	bool parking;
	size_t nstill;
	uint64_t park_deadline;
	/* SIGCHLD and the watched signals, blocked: they arrive here, never asynchronously. */
	sigset_t blocked;
	int signal_fd;
	/* engine_watch_input's descriptor, or -1. */
	int input_fd;
	/* engine_set_tick's timerfd, or -1 until it is asked for. */
	int tick_fd;
	/* A timerfd set to when the first held task goes on (task_delay_*), or -1. */
	int hold_fd;
	/* The mask before the engine blocked its signals, for the command. */
	sigset_t saved_mask;
	/* SIGCHLD was ignored when we started: the command gets it back so. */
	bool sigchld_ignored;
	/* Whether to poll for the next stop before sleeping (--spin). */
	struct spin spin;
	/*
	 * New tasks that came and went before their creator's fork/clone
	 * event was handled: that late event must not bring them back.
	 */
	pid_t departed[64];
	size_t departed_next;
	pid_t first_child;
	int first_status;
	bool first_child_done;
	/* The eBPF backend's program and ring; NULL under ptrace. */
	struct ebpf *ebpf;
};

/*
 * The exec thread former_tid takes over leader's pid (a non-leader
 * thread called execve): returns it, leader freed.
 */
struct task *engine_supersede(struct engine *e, struct task *leader, pid_t former_tid);

/*
 * In a child about to exec the command: the signal mask and the ignored
 * SIGCHLD epolltrace started with, as the command would have had them
 * (trace/start_signals.c: both backends' children call it, and the
 * engine calls the eBPF backend).
 */
void engine_restore_start_signals(const struct engine *e);

/*
 * sig came to epolltrace (trace/signal_intake.c): SIGCHLD, a stop or a
 * child's end, is the engine's; any other goes to the signal_received
 * hook.  Returns whether it was SIGCHLD.
 */
bool engine_signal_came(struct engine *e, int sig);
/* What the signalfd holds, each through engine_signal_came; whether SIGCHLD was among them. */
bool engine_read_signal_fd(struct engine *e);

/*
 * Offers take each thread listed in /proc/PID/task that is not in the
 * table yet; returns how many it took, or -1 when the listing is gone.
 */
int engine_take_new_threads(struct engine *e, pid_t pid,
			    bool (*take)(struct engine *e, pid_t pid, pid_t tid));

/*
 * tid went (exited, or was let go) before its creator's fork or clone
 * event was seen: that event, when it comes, must not adopt it again.
 */
void engine_remember_departed(struct engine *e, pid_t tid);
/* Whether tid departed so (and forgets it: a pid is reused). */
bool engine_forget_departed(struct engine *e, pid_t tid);

/*
 * Lets t go, delivering sig (a signal-delivery-stop's), if a detach is
 * under way; true when it was let go.
 */
bool engine_detach_at_stop(struct engine *e, struct task *t, int sig);
/*
 * t stopped during a detach: parked until every task stands still, or
 * let go now (engine_detach_at_stop); true unless no detach is under way.
 */
bool engine_stop_at_detach(struct engine *e, struct task *t, int sig);
/* While parking: the pause, once every task stands still or the wait is over. */
void engine_parking_check(struct engine *e);
/* How long the engine may sleep before that is due (ms); -1 when not parking. */
int engine_parking_wait_ms(const struct engine *e);

/*
 * trace/hold.c: true when t is to stay stopped, as task_delay_* asked,
 * and then sig goes with it; false when it is to be resumed now.
 */
bool hold_task(struct engine *e, struct task *t, int sig);
/*
 * The held tasks whose time has come (all of them with due_only false),
 * no longer held: the caller lets each go, with its held_sig.  *out is
 * the caller's to free.
 */
size_t hold_take(struct engine *e, struct task ***out, bool due_only);

#endif
