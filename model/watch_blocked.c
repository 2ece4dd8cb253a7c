#include <fcntl.h>
#include <inttypes.h>
#include <sys/epoll.h>

#include "decode/decoder.h"
#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/blocking_calls.h"
#include "model/watch_blocked.h"
#include "util/escape.h"

void watch_blocked_wait_begins(struct diag_thread *th)
{
	th->away = false;
}

void watch_blocked_wait_ends(struct diag_thread *th, const struct model_wait *w, int64_t now)
{
	th->abi = w->abi;
	th->tgid = w->tgid;
	th->epfd = w->epfd;
	th->away = true;
	th->away_since_ns = now;
	th->away_told = false;
	th->seen = false;
}

/* What it is doing, for the evidence: "in read(7<pipe:[12]>)". */
static void describe_call(struct diag *d, const struct diag_thread *th,
			  const struct task_syscall *sc, const struct blocking_call *call,
			  struct strbuf *out)
{
	const struct abi *abi = th->abi ? th->abi : &abi_x86_64;
	const char *made = call ? NULL : abi_multiplexed_name(abi, (unsigned long) sc->nr,
							       sc->args[0]);
	if (made) {
		/* Its own arguments are in the program's memory, which the model does not read. */
		sb_printf(out, "in %s(...)", made);
		return;
	}
	const char *name = call ? call->name : abi_syscall_name(abi, (unsigned long) sc->nr);
	if (!name) {
		sb_printf(out, "in system call %ld", sc->nr);
		return;
	}
	sb_printf(out, "in %s(", name);
	if (call && call->fd_arg >= 0) {
		int fd = (int) sc->args[call->fd_arg];
		struct proc_fd pfd;
		sb_printf(out, "%d", fd);
		if (d->env->probe_fd(d->env->ctx, th->tgid, fd, &pfd)) {
			sb_putc(out, '<');
			print_escaped(out, pfd.link);
			sb_putc(out, '>');
			proc_fd_free(&pfd);
		}
	} else {
		sb_printf(out, "0x%" PRIx64, sc->args[0]);
	}
	sb_puts(out, ", ...)");
}

/* A blocking fd registered EPOLLET that the thread is caught reading: et-blocking-fd's entry. */
static const struct ep_entry *et_blocking_read(struct diag *d, const struct diag_thread *th,
					       const struct ep_instance *inst,
					       const struct task_syscall *sc,
					       const struct blocking_call *call)
{
	uint64_t flags;
	if (!call || !call->reads || call->fd_arg < 0)
		return NULL;
	int fd = (int) sc->args[call->fd_arg];
	const struct ep_entry *e = entry_by_tfd(inst, fd);
	if (!e || e->ghost || !(e->events & EPOLLET) ||
	    !d->env->fd_flags(d->env->ctx, th->tgid, fd, &flags) || (flags & O_NONBLOCK))
		return NULL;
	return e;
}

/* The thread is in a wait (its loop's call): it came back, the model is yet to hear. */
static bool waiting_again(const struct diag_thread *th, const struct task_syscall *sc)
{
	const char *name = abi_syscall_name(th->abi ? th->abi : &abi_x86_64, (unsigned long) sc->nr);
	const struct syscall_desc *desc = name ? syscall_desc_by_name(name) : NULL;
	return sc->activity == TASK_IN_CALL && desc && desc->roles.events_result;
}

/* The call it is blocked in, when the table knows it. */
static const struct blocking_call *call_of(const struct diag_thread *th,
					   const struct task_syscall *sc)
{
	return sc->activity == TASK_IN_CALL ? blocking_call_of(th->abi, sc->nr) : NULL;
}

/* It, or its program, is ending (exit_group may take long): a loop that leaves is not blocked. */
static bool leaving(const struct diag_thread *th, const struct task_syscall *sc)
{
	const struct blocking_call *call = call_of(th, sc);
	return call && call->ends;
}

/*
 * What may have held up a wait for another thread of the process (a
 * lock's holder, a helper that will post) since before, for want of a
 * CPU: that thread's own time ready to run with no CPU to take it, and
 * epolltrace's, since a thread held at a stop waits for the tracer too.
 * Which thread it waits for cannot be told (a futex word names its
 * holder only for a priority-inheritance lock, and /proc shows no
 * word), so the one that waited longest stands for it: no one thread's
 * delay can have held the wait up for longer than that.  The sum over
 * the process's threads, excused before, grows faster than the time
 * that passes when busy threads share few CPUs (four on two: twice as
 * fast), and hid for ever a loop waiting on a lock never released; the
 * largest, with epolltrace's, grows more slowly than time unless they
 * get almost no CPU, so such a loop is reported, only later by the share
 * of the time they waited.
 * The kernel adds a wait to schedstat only as it ends, once a CPU takes
 * the thread: a thread ready to run now shows none of the wait it may
 * be in.  Node's loop, waiting in a futex on three of its V8 workers
 * that were ready for all of 130 ms with nothing counted, was reported.
 * So a thread ready now counts as waiting since the last look after
 * which it may have run or woken (ready_since_ns): it may have spent
 * some of that on a CPU, which makes the excuse too long by at most the
 * time between two looks.
 * A chain of threads, each waiting for the next, may be held up by more
 * than its longest wait: such a chain is reported sooner than it should.
 */
static uint64_t cpu_wait_excuse(const struct diag_thread *th, struct cpu_waits *now,
				int64_t now_ns)
{
	uint64_t longest = 0;
	for (size_t i = 0; i < now->n; i++) {
		struct thread_cpu_wait *t = &now->threads[i];
		const struct thread_cpu_wait *first = cpu_waits_find(&th->seen_waits, t->tid);
		const struct thread_cpu_wait *last = cpu_waits_find(&th->last_waits, t->tid);
		/* A thread made since has waited all its life since. */
		uint64_t then = first ? first->ns : 0;
		uint64_t waited = t->ns > then ? t->ns - then : 0;
		bool still = last && last->ready && last->ran_ns == t->ran_ns &&
			     last->slices == t->slices;
		t->ready_since_ns = !t->ready ? 0 : still ? last->ready_since_ns : th->last_waits_ns;
		if (t->ready && now_ns > t->ready_since_ns)
			waited += (uint64_t) (now_ns - t->ready_since_ns);
		if (waited > longest)
			longest = waited;
	}
	uint64_t tracer = now->tracer_ns > th->seen_waits.tracer_ns ?
			  now->tracer_ns - th->seen_waits.tracer_ns : 0;
	return longest + tracer;
}

/* The first look at the process's waits for a CPU: a thread ready then may wait from then. */
static bool first_cpu_waits(struct diag *d, struct diag_thread *th, int64_t now)
{
	if (!d->env->cpu_waits(d->env->ctx, th->tgid, &th->seen_waits))
		return false;
	for (size_t i = 0; i < th->seen_waits.n; i++)
		th->seen_waits.threads[i].ready_since_ns = th->seen_waits.threads[i].ready ? now : 0;
	cpu_waits_copy(&th->last_waits, &th->seen_waits);
	th->last_waits_ns = now;
	return true;
}

/*
 * Away too long is not yet stuck: on a busy machine, or with every call
 * a stop under -p, a loop's batch of work may take that long.  It is
 * stuck once it has kept at one thing for half the threshold more,
 * without a break: blocked in the same call, never woken; or running
 * without giving up the CPU, and given that much CPU time (a thread
 * ready to run may simply wait for a CPU).  A thread blocked in a futex
 * may wait for another of its process that waits for a CPU: that time
 * is the machine's, not the loop's, and does not count (cpu_wait_excuse).
 * Only there: a loop blocked in anything else waits for no thread of
 * its process.  The process's threads are read (two files each) only for
 * such a wait, when it is first seen and once the time not yet excused
 * is up: what the excuse counts stays counted (a wait counted while it
 * lasts is added to schedstat as it ends).
 */
static bool stuck(struct diag *d, struct diag_thread *th, const struct task_syscall *sc,
		  int64_t now)
{
	int64_t half = (int64_t) d->cfg->blocked_ms * 500000;
	const struct blocking_call *call = call_of(th, sc);
	bool waits_for_thread = call && call->waits_for_thread;
	if (!th->seen || sc->activity != th->seen_activity || sc->sleeps != th->seen_sleeps ||
	    (sc->activity == TASK_IN_CALL && sc->nr != th->seen_nr)) {
		th->seen = true;
		th->seen_activity = sc->activity;
		th->seen_nr = sc->nr;
		th->seen_ns = now;
		th->seen_cpu_ns = sc->cpu_ns;
		th->seen_sleeps = sc->sleeps;
		th->excused_ns = 0;
		th->seen_waits_read = waits_for_thread && first_cpu_waits(d, th, now);
		return false;
	}
	if (sc->activity == TASK_RUNNING)
		return sc->cpu_ns - th->seen_cpu_ns >= (uint64_t) half;
	if (now - th->seen_ns < half + (int64_t) th->excused_ns)
		return false;
	struct cpu_waits waits = { 0 };
	if (th->seen_waits_read && d->env->cpu_waits(d->env->ctx, th->tgid, &waits)) {
		th->excused_ns = cpu_wait_excuse(th, &waits, now);
		struct cpu_waits last = th->last_waits;
		th->last_waits = waits;
		th->last_waits_ns = now;
		waits = last;
	}
	cpu_waits_free(&waits);
	return now - th->seen_ns >= half + (int64_t) th->excused_ns;
}

void watch_blocked(struct diag *d, struct diag_thread *th, const struct ep_instance *inst,
		   int64_t now)
{
	int64_t away = now - th->away_since_ns;
	if (!th->away || th->away_told || away < (int64_t) d->cfg->blocked_ms * 1000000)
		return;
	struct task_syscall sc;
	char wchan[64] = "";
	if (!d->env->task_syscall(d->env->ctx, th->tgid, th->tid, &sc) || waiting_again(th, &sc) ||
	    leaving(th, &sc) || sc.activity == TASK_TRACE_STOPPED)
		return;
	/*
	 * Paging in is the machine's time, not the loop's: the kernel reads
	 * the program's code or data in (from disk, or swap, as at start-up or
	 * under memory pressure), which the loop did not ask for and cannot
	 * avoid.  It is a break in what the loop keeps at, as a wake-up is.
	 */
	if (sc.activity == TASK_PAGING_IN) {
		th->seen = false;
		return;
	}
	if (sc.activity != TASK_RUNNING &&
	    !d->env->task_wchan(d->env->ctx, th->tgid, th->tid, wchan, sizeof(wchan)))
		wchan[0] = 0;
	/* Slow in the kernel's own work, such as its fd table growing: not the loop's doing. */
	if (kernel_own_wait(wchan) || !stuck(d, th, &sc, now))
		return;
	/* It may wait for a thread that waits for epolltrace: under -p, every call is a stop. */
	if (sc.activity == TASK_IN_CALL && d->env->other_stopped(d->env->ctx, th->tgid, th->tid))
		return;
	th->away_told = true;
	const struct blocking_call *call = call_of(th, &sc);
	struct strbuf ev = STRBUF_INIT;
	const struct ep_entry *e = et_blocking_read(d, th, inst, &sc, call);
	if (e) {
		sb_printf(&ev, "fd %d is registered with ", e->tfd);
		print_epoll_events(&ev, e->events);
		sb_printf(&ev, " and blocking (no O_NONBLOCK), and thread %d has been blocked "
			  "reading it for %" PRId64 " ms, ", (int) th->tid, away / 1000000);
	} else {
		sb_printf(&ev, "thread %d has not waited on epfd %d for %" PRId64 " ms (since its wait "
			  "returned ", (int) th->tid, th->epfd, away / 1000000);
		print_when(&ev, th->away_since_ns);
		sb_puts(&ev, "); it is ");
	}
	switch (sc.activity) {
	case TASK_TRACE_STOPPED:
	case TASK_RUNNING:
		sb_puts(&ev, "running, in no system call: a long computation, or a spin");
		break;
	case TASK_OUTSIDE_CALL:
	case TASK_PAGING_IN:
		sb_puts(&ev, "blocked outside any system call");
		break;
	case TASK_IN_CALL:
		describe_call(d, th, &sc, call, &ev);
		break;
	}
	if (wchan[0])
		sb_printf(&ev, ", sleeping in the kernel's %s", wchan);
	if (e)
		diag_report_away(d, DIAG_ET_BLOCKING_FD, inst, th, e->tfd, sb_str(&ev));
	else
		diag_report_away(d, DIAG_LOOP_BLOCKED, inst, th, -1, sb_str(&ev));
	sb_free(&ev);
}
