/* The eBPF backend's loop: each record of the ring becomes the hook a ptrace stop would call. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <linux/audit.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace/ebpf_backend.h"
#include "trace/ebpf_calls.skel.h"
#include "trace/ebpf_internal.h"
#include "trace/ebpf_record.h"

/* A task of a traced process met for the first time: a thread or child the program saw start. */
static struct task *task_of(struct engine *e, const struct ebpf_record *r)
{
	struct task *t = task_find(&e->tasks, (pid_t) r->tid);
	if (t)
		return t;
	t = task_get(&e->tasks, (pid_t) r->tid);
	t->tgid = (pid_t) r->tgid;
	t->announced = true;
	e->hooks.attached(e->hooks.ctx, t);
	return t;
}

static struct syscall_stop stop_of(const struct ebpf_record *r)
{
	struct syscall_stop s = {
		.arch = r->flags & EBPF_COMPAT ? AUDIT_ARCH_I386 : AUDIT_ARCH_X86_64,
		.nr = r->nr,
		.rval = r->ret,
		/* As the kernel's IS_ERR_VALUE, which PTRACE_GET_SYSCALL_INFO uses. */
		.is_error = (uint64_t) r->ret >= (uint64_t) -4095,
	};
	memcpy(s.args, r->args, sizeof(s.args));
	if (r->flags & EBPF_FD_FILE_SEEN)
		s.fd_file = FD_FILE_SEEN | (r->flags & EBPF_FD_FILE_SHARED ? FD_FILE_SHARED : 0) |
			    (r->flags & EBPF_FD_FILE_WATCHED ? FD_FILE_WATCHED : 0);
	return s;
}

/* The hooks read the tracee's memory from the record while they run. */
static bool entry(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	struct syscall_stop s = stop_of(r);
	t->record = r;
	bool wants_exit = e->hooks.syscall_entry(e->hooks.ctx, t, &s);
	t->record = NULL;
	return wants_exit;
}

static void on_call_entry(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	/* The exit of its last call was lost. */
	if (t->awaiting_exit)
		e->hooks.exit_lost(e->hooks.ctx, t);
	t->awaiting_exit = entry(e, t, r);
}

static void on_call_exit(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	/* A call that cannot block is reported once, at its exit. */
	if (!t->awaiting_exit && !entry(e, t, r))
		return;
	t->awaiting_exit = false;
	struct syscall_stop s = stop_of(r);
	t->record = r;
	e->hooks.syscall_exit(e->hooks.ctx, t, &s);
	t->record = NULL;
}

static void on_signal_record(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	memcpy(&si, r->mem, r->mem_len < sizeof(si) ? r->mem_len : sizeof(si));
	si.si_signo = (int) r->ret;
	e->hooks.signal(e->hooks.ctx, t, &si);
}

static bool other_threads(const struct engine *e, const struct task *leader)
{
	for (size_t i = 0; i < e->tasks.nbuckets; i++)
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			if (t != leader && t->tgid == leader->tgid)
				return true;
	return false;
}

/*
 * A process that ended leaves the programs' table: its pid may be reused
 * by a process not ours, and the table has room for only so many.  The
 * kernel hands pids out in turn, so a child of ours could take this one
 * (and its entry be lost here) only after pid_max forks within the
 * reader's lag.
 */
static void process_gone(struct ebpf *b, pid_t tgid)
{
	__u32 key = (__u32) tgid;
	bpf_map_delete_elem(b->tgids_fd, &key);
	u64_map_remove(&b->losses_seen, (uint64_t) tgid);
}

static void gone(struct engine *e, struct task *t, int status)
{
	if (t->tid == t->tgid)
		process_gone(e->ebpf, t->tgid);
	e->hooks.exited(e->hooks.ctx, t, status);
	task_remove(&e->tasks, t);
}

/* As under ptrace, a leader is reaped, and its process's end told, after its other threads. */
static void on_task_exit(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	int status = (int) r->ret;
	if (e->hooks.exiting)
		e->hooks.exiting(e->hooks.ctx, t, status);
	pid_t tgid = t->tgid;
	if (t->tid == tgid && other_threads(e, t)) {
		t->exit_pending = true;
		t->exit_status = status;
		return;
	}
	gone(e, t, status);
	struct task *leader = task_find(&e->tasks, tgid);
	if (leader && leader->exit_pending && !other_threads(e, leader))
		gone(e, leader, leader->exit_status);
}

static void on_exec(struct engine *e, struct task *t, const struct ebpf_record *r)
{
	char exe[64];
	snprintf(exe, sizeof(exe), "/proc/%d/exe", (int) r->tid);
	ebpf_follow_abi_of(e->ebpf, exe);
	t = engine_supersede(e, t, (pid_t) r->ret);
	t->awaiting_exit = false;
	if (e->hooks.exec)
		e->hooks.exec(e->hooks.ctx, t);
}

/* Whether tgid's count of lost records has grown past what the hooks were told. */
static bool lost_more(struct ebpf *b, __u32 tgid, __u32 losses)
{
	uint64_t seen = 0;
	u64_map_get(&b->losses_seen, tgid, &seen);
	return (int32_t) (losses - (__u32) seen) > 0;
}

/* Every process whose count of lost records grew: the hook hears of each. */
static void tell_gaps(struct engine *e)
{
	struct ebpf *b = e->ebpf;
	__u32 key, next;
	bool first = true;
	while (bpf_map_get_next_key(b->tgids_fd, first ? NULL : &key, &next) == 0) {
		first = false;
		key = next;
		struct ebpf_traced p;
		if (bpf_map_lookup_elem(b->tgids_fd, &key, &p) < 0 || !lost_more(b, key, p.losses))
			continue;
		u64_map_put(&b->losses_seen, key, p.losses);
		if (e->hooks.records_lost)
			e->hooks.records_lost(e->hooks.ctx, (pid_t) key);
	}
}

static void tell_lost(struct engine *e);

/*
 * The process's count of lost records grew since its last record: the
 * calls it was never told of came just before this one, and the hooks
 * hear of them before the record's own.
 */
static void notice_gap(struct engine *e, const struct ebpf_record *r)
{
	if (!lost_more(e->ebpf, r->tgid, r->losses))
		return;
	tell_lost(e);
	if (lost_more(e->ebpf, r->tgid, r->losses))
		tell_gaps(e);
}

static int handle_record(void *ctx, void *data, size_t size)
{
	struct engine *e = ctx;
	const struct ebpf_record *r = data;
	if (size < sizeof(*r) || e->detaching)
		return 0;
	e->ebpf->busy = true;
	notice_gap(e, r);
	struct task *t = task_of(e, r);
	switch (r->kind) {
	case EBPF_ENTRY: on_call_entry(e, t, r); break;
	case EBPF_EXIT: on_call_exit(e, t, r); break;
	case EBPF_SIGNAL: on_signal_record(e, t, r); break;
	case EBPF_TASK_EXIT: on_task_exit(e, t, r); break;
	case EBPF_EXEC: on_exec(e, t, r); break;
	default: break;	/* EBPF_NEW_TASK: task_of adopted it */
	}
	return 0;
}

/* How many more records of one kind the ring had no room for since the last look. */
static uint64_t newly_lost(struct ebpf *b, __u32 what)
{
	__u64 per_cpu[b->ncpus > 0 ? b->ncpus : 1];
	if (bpf_map_lookup_elem(b->lost_fd, &what, per_cpu) < 0)
		return 0;
	uint64_t total = 0;
	for (int i = 0; i < b->ncpus; i++)
		total += per_cpu[i];
	uint64_t n = total - b->lost_told[what];
	b->lost_told[what] = total;
	return n;
}

static void tell_lost(struct engine *e)
{
	uint64_t calls = newly_lost(e->ebpf, EBPF_LOST_CALLS);
	if (calls)
		e->hooks.calls_lost(e->hooks.ctx, calls, LOSS_RING_FULL);
	uint64_t unkept = newly_lost(e->ebpf, EBPF_LOST_UNKEPT);
	if (unkept)
		e->hooks.calls_lost(e->hooks.ctx, unkept, LOSS_NO_MEMORY);
	/* A signal, or a task's birth or end: rare, and the trace says so. */
	uint64_t events = newly_lost(e->ebpf, EBPF_LOST_EVENTS);
	if (events)
		e->hooks.events_lost(e->hooks.ctx, events);
	uint64_t untraced = newly_lost(e->ebpf, EBPF_UNTRACED_CHILDREN);
	if (untraced)
		e->hooks.children_untraced(e->hooks.ctx, untraced);
	/* Which processes lost them: those whose last records are lost hear of it too. */
	if (calls || events || unkept)
		tell_gaps(e);
}

/* The started command's end: its status is the run's. */
static void reap_command(struct engine *e)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == e->first_child && !e->first_child_done) {
			e->first_status = status;
			e->first_child_done = true;
		}
	}
}

/* What is left when the run ends: tasks still running are let go, the others were missed. */
static void let_go(struct engine *e)
{
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		struct task *t = e->tasks.buckets[i];
		while (t) {
			struct task *next = t->next;
			/* --top's freeze: left stopped for a debugger. */
			if (e->leave_stopped)
				kill(t->tid, SIGSTOP);
			if (kill(t->tid, 0) == 0 && !e->first_child_done)
				e->hooks.detached(e->hooks.ctx, t);
			else
				e->hooks.exited(e->hooks.ctx, t, t->exit_pending ? t->exit_status : 0);
			task_remove(&e->tasks, t);
			t = next;
		}
	}
}

static bool finished(const struct engine *e)
{
	if (e->detaching)
		return true;
	if (e->first_child)
		return e->first_child_done;
	return e->tasks.count == 0;
}

int ebpf_run(struct engine *e)
{
	struct ebpf *b = e->ebpf;
	b->ring = ring_buffer__new(bpf_map__fd(b->skel->maps.ring), handle_record, e, NULL);
	if (!b->ring)
		return -1;
	/* Reaped already (it ended before the loop began): its SIGCHLD is still pending. */
	reap_command(e);
	/*
	 * What was said before the loop (the attach notices, the interest
	 * lists) is written now: an idle program may send no record for long.
	 */
	e->hooks.idle(e->hooks.ctx);
	while (!finished(e)) {
		struct pollfd fds[4] = {
			{ .fd = ring_buffer__epoll_fd(b->ring), .events = POLLIN },
			{ .fd = e->signal_fd, .events = POLLIN },
			{ .fd = e->input_fd, .events = POLLIN },
			{ .fd = e->tick_fd, .events = POLLIN },
		};
		int n = poll(fds, 4, EBPF_POLL_MS);
		if (n < 0 && errno != EINTR)
			break;
		ring_buffer__consume(b->ring);
		tell_lost(e);
		if (n > 0 && fds[1].revents & POLLIN && engine_read_signal_fd(e))
			reap_command(e);
		if (n > 0 && fds[2].revents & (POLLIN | POLLHUP | POLLERR))
			e->hooks.input_ready(e->hooks.ctx);
		uint64_t ticks;
		if (n > 0 && fds[3].revents & POLLIN &&
		    read(e->tick_fd, &ticks, sizeof(ticks)) > 0 && e->hooks.tick)
			e->hooks.tick(e->hooks.ctx);
		if (b->busy) {
			e->hooks.idle(e->hooks.ctx);
			b->busy = false;
		}
	}
	/* What the command did before it ended is in the ring still. */
	if (!e->detaching) {
		ring_buffer__consume(b->ring);
		tell_lost(e);
	}
	let_go(e);
	e->hooks.idle(e->hooks.ctx);
	return e->first_child_done ? e->first_status : -1;
}
