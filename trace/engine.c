#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "trace/ebpf_backend.h"
#include "trace/engine_internal.h"
#include "trace/keep_traced.h"
#include "trace/tracee_memory.h"
#include "trace/uffd_watch.h"
#include "util/clock.h"

struct engine *engine_new(const struct engine_config *cfg, const struct engine_hooks *hooks,
			  int *err)
{
	struct engine *e = calloc(1, sizeof(*e));
	if (!e) {
		*err = ENOMEM;
		return NULL;
	}
	e->hooks = *hooks;
	e->cfg = *cfg;
	/* Ignored, SIGCHLD would not even be raised, and a stop never wake us. */
	struct sigaction chld;
	if (sigaction(SIGCHLD, NULL, &chld) == 0 && chld.sa_handler == SIG_IGN) {
		e->sigchld_ignored = true;
		signal(SIGCHLD, SIG_DFL);
	}
	/*
	 * Blocked signals wait (for the signalfd or sigtimedwait), so none is
	 * lost between checking for stops and sleeping; SIGCHLD wakes us for
	 * every stop.
	 */
	e->blocked = cfg->watched_signals;
	sigaddset(&e->blocked, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &e->blocked, &e->saved_mask) < 0 ||
	    (e->signal_fd = signalfd(-1, &e->blocked, SFD_CLOEXEC)) < 0) {
		*err = errno;
		free(e);
		return NULL;
	}
	e->input_fd = -1;
	e->tick_fd = -1;
	e->hold_fd = -1;
	task_table_init(&e->tasks);
	spin_open(&e->spin, cfg->spin_usec);
	if (cfg->backend == BACKEND_BPF && !(e->ebpf = ebpf_open(cfg, err))) {
		engine_free(e);
		return NULL;
	}
	return e;
}

void engine_free(struct engine *e)
{
	if (!e)
		return;
	close(e->signal_fd);
	if (e->tick_fd >= 0)
		close(e->tick_fd);
	if (e->hold_fd >= 0)
		close(e->hold_fd);
	ebpf_close(e->ebpf);
	spin_close(&e->spin);
	sigprocmask(SIG_SETMASK, &e->saved_mask, NULL);
	task_table_free(&e->tasks);
	free(e);
}

void engine_watch_input(struct engine *e, int fd)
{
	e->input_fd = e->hooks.input_ready ? fd : -1;
}

bool engine_set_tick(struct engine *e, unsigned int interval_ms)
{
	if (e->tick_fd < 0 && interval_ms == 0)
		return true;
	if (e->tick_fd < 0 &&
	    (e->tick_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK)) < 0)
		return false;
	struct timespec every = {
		.tv_sec = interval_ms / 1000,
		.tv_nsec = (long) (interval_ms % 1000) * 1000000,
	};
	struct itimerspec its = { .it_interval = every, .it_value = every };
	return timerfd_settime(e->tick_fd, 0, &its, NULL) == 0;
}

size_t engine_ntasks(const struct engine *e)
{
	return e->tasks.count;
}

pid_t engine_command_pid(const struct engine *e)
{
	return e->first_child;
}

int engine_our_group_stop_signal(const struct engine *e)
{
	pid_t ours = getpgrp();
	for (size_t i = 0; i < e->tasks.nbuckets; i++)
		for (const struct task *t = e->tasks.buckets[i]; t; t = t->next)
			if (t->group_stop_sig && getpgid(t->tid) == ours)
				return t->group_stop_sig;
	return 0;
}

pid_t task_tid(const struct task *t)
{
	return t->tid;
}

void *task_user(const struct task *t)
{
	return t->user;
}

void task_set_user(struct task *t, void *user)
{
	t->user = user;
}

bool task_read_mem(struct task *t, uint64_t addr, void *buf, size_t len)
{
	if (t->record)
		return ebpf_read_copied(t->record, t->tid, addr, buf, len);
	return tracee_read(t->tid, addr, buf, len);
}

/* Every task but the started command arrives through here. */
static struct task *adopt(struct engine *e, pid_t tid)
{
	struct task *t = task_find(&e->tasks, tid);
	if (t)
		return t;
	t = task_get(&e->tasks, tid);
	e->hooks.attached(e->hooks.ctx, t);
	return t;
}

/* Resumes t after a stop, delivering sig; a task killed meanwhile is no error. */
static void resume(struct engine *e, struct task *t, int sig)
{
	/*
	 * Under the filter a PTRACE_CONT'ed task stops only at trapped calls;
	 * PTRACE_SYSCALL is needed only to see the exit of one of them.
	 */
	enum __ptrace_request req = (t->awaiting_exit || !e->seccomp_mode)
		? PTRACE_SYSCALL : PTRACE_CONT;
	ptrace(req, t->tid, NULL, (void *) (long) sig);
}

static void resume_or_hold(struct engine *e, struct task *t, int sig)
{
	if (!hold_task(e, t, sig))
		resume(e, t, sig);
}

/* hold_fd fired: the held tasks whose time has come go on. */
static void release_due(struct engine *e)
{
	struct task **due;
	size_t n = hold_take(e, &due, true);
	for (size_t i = 0; i < n; i++)
		resume(e, due[i], due[i]->held_sig);
	free(due);
}

static bool get_syscall_info(pid_t tid, struct __ptrace_syscall_info *info)
{
	/* Valgrind cannot know what the kernel fills: zeroed, its reports mean something. */
	memset(info, 0, sizeof(*info));
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *) sizeof(*info), info);
	return n > 0;
}

static void report_entry(struct engine *e, struct task *t,
			 const struct __ptrace_syscall_info *info)
{
	struct syscall_stop s = { .arch = info->arch };
	if (info->op == PTRACE_SYSCALL_INFO_SECCOMP) {
		s.nr = info->seccomp.nr;
		memcpy(s.args, info->seccomp.args, sizeof(s.args));
	} else {
		s.nr = info->entry.nr;
		memcpy(s.args, info->entry.args, sizeof(s.args));
	}
	t->awaiting_exit = e->hooks.syscall_entry(e->hooks.ctx, t, &s);
}

static void report_exit(struct engine *e, struct task *t,
			const struct __ptrace_syscall_info *info)
{
	if (!t->awaiting_exit)
		return;
	t->awaiting_exit = false;
	struct syscall_stop s = {
		.arch = info->arch,
		.rval = info->exit.rval,
		.is_error = info->exit.is_error,
	};
	e->hooks.syscall_exit(e->hooks.ctx, t, &s);
}

static void keep_traced(struct engine *e, struct task *t,
			const struct __ptrace_syscall_info *info)
{
	if (keep_traced_stop(t->tid, info) && e->hooks.clone3_failed)
		e->hooks.clone3_failed(e->hooks.ctx, t);
}

static void handle_syscall_stop(struct engine *e, struct task *t)
{
	struct __ptrace_syscall_info info;
	if (get_syscall_info(t->tid, &info)) {
		if (info.op == PTRACE_SYSCALL_INFO_SECCOMP &&
		    info.seccomp.ret_data == KEEP_TRACED_TAG) {
			keep_traced(e, t, &info);
		} else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
			report_exit(e, t, &info);
			/* The kernel sends a signal given as a syscall stop is left. */
			int sig = t->signal_after_call;
			t->signal_after_call = 0;
			t->hold_usec = t->hold_exit_usec;
			t->hold_exit_usec = 0;
			resume_or_hold(e, t, sig);
			return;
		} else if (info.op == PTRACE_SYSCALL_INFO_ENTRY ||
			 info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
			uffd_watch_entry(&info);
			/* Without a filter, no call stops for keep_traced_rules alone. */
			if (info.op == PTRACE_SYSCALL_INFO_ENTRY)
				keep_traced(e, t, &info);
			if (info.op == PTRACE_SYSCALL_INFO_ENTRY ||
			    info.seccomp.ret_data != UFFD_WATCH_TAG)
				report_entry(e, t, &info);
		}
	}
	resume_or_hold(e, t, 0);
}

/*
 * When a non-leader thread calls execve, it takes over the leader's pid:
 * returns the task that now owns that pid.
 */
static struct task *handle_exec(struct engine *e, struct task *leader)
{
	unsigned long former = 0;
	if (ptrace(PTRACE_GETEVENTMSG, leader->tid, NULL, &former) < 0)
		return leader;
	return engine_supersede(e, leader, (pid_t) former);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void handle_event_stop(struct engine *e, struct task *t, int sig)
{
	if (!is_stop_signal(sig)) {
		/* A new task's first stop, or a trap after SIGCONT. */
		resume(e, t, 0);
		return;
	}
	/* LISTEN keeps it stopped, yet lets SIGCONT and death through. */
	if (ptrace(PTRACE_LISTEN, t->tid, NULL, NULL) == 0)
		t->group_stop_sig = sig;
	else if (errno != ESRCH)
		resume(e, t, 0);
	/* After the LISTEN: the hook may stop epolltrace itself. */
	e->hooks.group_stop(e->hooks.ctx, t, sig);
}

static void handle_signal_stop(struct engine *e, struct task *t, int sig)
{
	siginfo_t si;
	if (ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) == 0)
		e->hooks.signal(e->hooks.ctx, t, &si);
	/* Delivered even when it could not be shown: never lose a signal. */
	resume(e, t, sig);
}

/* The child of a fork, vfork or clone event stop: traced from its start. */
static void take_new_child(struct engine *e, struct task *t, int status)
{
	unsigned long child = 0;
	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &child) == 0 && child &&
	    !engine_forget_departed(e, (pid_t) child)) {
		struct task *c = adopt(e, (pid_t) child);
		c->announced = true;
		c->vfork_child = (unsigned int) status >> 16 == PTRACE_EVENT_VFORK;
	}
}

static bool is_new_child_event(int status)
{
	unsigned int event = (unsigned int) status >> 16;
	return event == PTRACE_EVENT_CLONE || event == PTRACE_EVENT_FORK ||
	       event == PTRACE_EVENT_VFORK;
}

static void handle_new_child(struct engine *e, struct task *t, int status)
{
	take_new_child(e, t, status);
	resume(e, t, 0);
}

/*
 * The stop comes before the thread lets go of its memory, so a thread
 * joining it waits until the exit is told.
 */
static void handle_exit_event(struct engine *e, struct task *t)
{
	unsigned long status = 0;
	t->exit_seen = true;
	if (e->hooks.exiting && ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &status) == 0)
		e->hooks.exiting(e->hooks.ctx, t, (int) status);
	resume(e, t, 0);
}

static void handle_stopped(struct engine *e, struct task *t, int status)
{
	int sig = WSTOPSIG(status);
	t->group_stop_sig = 0;
	switch ((unsigned int) status >> 16) {
	case 0:
		if (sig == (SIGTRAP | 0x80))
			handle_syscall_stop(e, t);
		else
			handle_signal_stop(e, t, sig);
		break;
	case PTRACE_EVENT_SECCOMP:
		handle_syscall_stop(e, t);
		break;
	case PTRACE_EVENT_STOP:
		handle_event_stop(e, t, sig);
		break;
	case PTRACE_EVENT_CLONE:
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		handle_new_child(e, t, status);
		break;
	case PTRACE_EVENT_EXIT:
		handle_exit_event(e, t);
		break;
	case PTRACE_EVENT_EXEC:
		t = handle_exec(e, t);
		t->vfork_child = false;
		if (e->hooks.exec)
			e->hooks.exec(e->hooks.ctx, t);
		resume(e, t, 0);
		break;
	default:
		resume(e, t, 0);
		break;
	}
}

static void handle_gone(struct engine *e, struct task *t, int status)
{
	if (!t->announced)
		engine_remember_departed(e, t->tid);
	e->hooks.exited(e->hooks.ctx, t, status);
	if (t->tid == e->first_child && !e->first_child_done) {
		e->first_status = status;
		e->first_child_done = true;
	}
	if (e->parking && (t->parked || t->exit_seen))
		e->nstill--;
	task_remove(&e->tasks, t);
}

/* The signal a stop would deliver when let go: only a signal-delivery-stop has one. */
static int pending_signal(int status)
{
	int sig = WSTOPSIG(status);
	if ((unsigned int) status >> 16 || sig == (SIGTRAP | 0x80))
		return 0;
	return sig;
}

/*
 * A call the detach's interrupt cut short: the kernel restarts it
 * (ERESTARTSYS to ERESTART_RESTARTBLOCK, 512 to 516), or it returns EINTR
 * as a blocked epoll wait does; either way it ends untraced.
 */
static bool cut_short(const struct __ptrace_syscall_info *info)
{
	int64_t r = info->exit.rval;
	return info->exit.is_error && (r == -EINTR || (r <= -512 && r >= -516));
}

/*
 * A syscall stop during a detach: a call that ended before it is told,
 * so that what it changed is known (to the detach_pause hook's look, in
 * particular).  Returns the signal the stop is to be left with.
 */
static int end_call_at_detach(struct engine *e, struct task *t)
{
	struct __ptrace_syscall_info info;
	if (t->awaiting_exit && get_syscall_info(t->tid, &info) &&
	    info.op == PTRACE_SYSCALL_INFO_EXIT && !cut_short(&info))
		report_exit(e, t, &info);
	int sig = t->signal_after_call;
	t->signal_after_call = 0;
	return sig;
}

/*
 * During a detach: a child born at this stop is counted first, so that the
 * engine waits for it and lets it go too (it is traced from its start).
 */
static bool detach_at_stop(struct engine *e, struct task *t, int status)
{
	if (!e->detaching)
		return false;
	unsigned int event = (unsigned int) status >> 16;
	int sig = pending_signal(status);
	if (is_new_child_event(status))
		take_new_child(e, t, status);
	else if (event == PTRACE_EVENT_EXEC)
		t->vfork_child = false;
	else if (event == 0 && WSTOPSIG(status) == (SIGTRAP | 0x80))
		sig = end_call_at_detach(e, t);
	return engine_stop_at_detach(e, t, sig);
}

static void handle_status(struct engine *e, pid_t pid, int status)
{
	/* A new child's first stop can come before its parent's event. */
	struct task *t = adopt(e, pid);
	if (WIFEXITED(status) || WIFSIGNALED(status))
		handle_gone(e, t, status);
	else if (WIFSTOPPED(status) && !detach_at_stop(e, t, status))
		handle_stopped(e, t, status);
}

/* Ticks missed while the engine was busy are told once: the hook reads the clock. */
static void take_tick(struct engine *e)
{
	uint64_t expirations;
	if (read(e->tick_fd, &expirations, sizeof(expirations)) > 0 && e->hooks.tick)
		e->hooks.tick(e->hooks.ctx);
}

/*
 * With no descriptor to watch, the signals are waited for as such: one
 * sigtimedwait where a poll and a signalfd read would make two calls per
 * stop, which a loaded machine feels.  A sleep woken by SIGCHLD (a stop)
 * goes to it at once; a look, or another signal, takes all that are pending.
 */
static void take_signals(struct engine *e, int timeout)
{
	const struct timespec none = { 0 };
	struct timespec wait = { .tv_sec = timeout / 1000, .tv_nsec = (long) (timeout % 1000) * 1000000 };
	int sig = sigtimedwait(&e->blocked, NULL, timeout < 0 ? NULL : &wait);
	for (bool all = timeout == 0; sig > 0; sig = sigtimedwait(&e->blocked, NULL, &none)) {
		if (!engine_signal_came(e, sig))
			all = true;
		else if (!all)
			break;
	}
}

/*
 * Waits for a signal, the input or a tick (timeout -1), or only looks
 * (0), and reports what came.
 */
static void take_signals_and_input(struct engine *e, int timeout)
{
	if (e->input_fd < 0 && e->tick_fd < 0 && e->hold_fd < 0) {
		take_signals(e, timeout);
		return;
	}
	struct pollfd fds[4] = {
		{ .fd = e->signal_fd, .events = POLLIN },
		{ .fd = e->input_fd, .events = POLLIN },
		{ .fd = e->tick_fd, .events = POLLIN },
		{ .fd = e->hold_fd, .events = POLLIN },
	};
	if (poll(fds, 4, timeout) <= 0)
		return;
	if (fds[2].revents & POLLIN)
		take_tick(e);
	if (fds[3].revents & POLLIN)
		release_due(e);
	if (fds[0].revents & POLLIN)
		engine_read_signal_fd(e);
	if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
		e->hooks.input_ready(e->hooks.ctx);
}

/* The next stop, polled for as long as the spin policy says; 0 if none came. */
static pid_t poll_for_stop(struct engine *e, int *status)
{
	pid_t pid = waitpid(-1, status, __WALL | WNOHANG);
	if (pid != 0) {
		if (pid > 0)
			spin_found(&e->spin, monotonic_usec());
		return pid;
	}
	uint64_t now = monotonic_usec();
	unsigned int window = spin_begin_wait(&e->spin, now, &e->tasks);
	if (window == 0)
		return 0;
	uint64_t deadline = now + window;
	do {
		pid = waitpid(-1, status, __WALL | WNOHANG);
		now = monotonic_usec();
	} while (pid == 0 && now < deadline);
	if (pid > 0)
		spin_found(&e->spin, now);
	return pid;
}

/* The stops engine_attach took and kept are handled first. */
static void release_held(struct engine *e)
{
	size_t n = 0;
	struct { pid_t tid; int status; } *held = calloc(e->tasks.count + 1, sizeof(*held));
	if (!held)
		abort();
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next) {
			if (!t->held)
				continue;
			t->held = false;
			held[n].tid = t->tid;
			held[n++].status = t->held_status;
		}
	}
	for (size_t i = 0; i < n; i++)
		handle_status(e, held[i].tid, held[i].status);
	free(held);
}

/*
 * Tracees that stop without pause never let the engine sleep: it looks
 * for signals and input between stops this often, so that a busy loop
 * cannot keep Ctrl-C or a timer waiting (one poll(2) per that many stops).
 */
#define STOPS_PER_LOOK 128

int engine_run(struct engine *e)
{
	if (e->ebpf)
		return ebpf_run(e);
	release_held(e);
	unsigned int stops = 0;
	while (e->tasks.count > 0) {
		int status;
		pid_t pid = poll_for_stop(e, &status);
		if (pid > 0) {
			handle_status(e, pid, status);
			if (++stops % STOPS_PER_LOOK == 0)
				take_signals_and_input(e, 0);
		} else if (pid == 0) {
			e->hooks.idle(e->hooks.ctx);
			take_signals_and_input(e, engine_parking_wait_ms(e));
		} else if (errno != EINTR) {
			break;	/* ECHILD: every tracee is gone, even if we missed an exit */
		}
		engine_parking_check(e);
	}
	return e->first_child_done ? e->first_status : -1;
}
