/*
 * -e inject=...:delay_enter=/delay_exit=: a task held stopped at a
 * syscall stop for a while, as strace delays it, without holding up the
 * others: a timerfd wakes the engine when the first held task is due.
 */
#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "trace/engine_internal.h"
#include "util/clock.h"

/* Sets hold_fd to the first held task's time, or disarms it; false when it cannot. */
static bool arm(struct engine *e)
{
	uint64_t first = 0;
	for (size_t i = 0; i < e->tasks.nbuckets; i++)
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next)
			if (t->held_until && (!first || t->held_until < first))
				first = t->held_until;
	struct itimerspec its = { 0 };
	if (first) {
		its.it_value.tv_sec = (time_t) (first / 1000000);
		its.it_value.tv_nsec = (long) (first % 1000000) * 1000;
	}
	return timerfd_settime(e->hold_fd, TFD_TIMER_ABSTIME, &its, NULL) == 0;
}

bool hold_task(struct engine *e, struct task *t, int sig)
{
	unsigned int usec = t->hold_usec;
	t->hold_usec = 0;
	if (!usec || e->detaching)
		return false;
	/* Without a timer it could never go on: it goes on now. */
	if (e->hold_fd < 0 &&
	    (e->hold_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK)) < 0)
		return false;
	t->held_until = monotonic_usec() + usec;
	t->held_sig = sig;
	if (arm(e))
		return true;
	/* Unarmed, the timer would never let it go; it keeps the others' time. */
	t->held_until = 0;
	return false;
}

/* Moves the held tasks whose time has come (all with due_only false) to v. */
static size_t take(struct engine *e, struct task **v, bool due_only, uint64_t now)
{
	size_t n = 0;
	for (size_t i = 0; i < e->tasks.nbuckets; i++) {
		for (struct task *t = e->tasks.buckets[i]; t; t = t->next) {
			if (t->held_until && (!due_only || t->held_until <= now)) {
				t->held_until = 0;
				v[n++] = t;
			}
		}
	}
	return n;
}

size_t hold_take(struct engine *e, struct task ***out, bool due_only)
{
	if (e->hold_fd >= 0) {
		/* What is due is read from the clock, not from the count of expirations. */
		uint64_t expirations;
		ssize_t got = read(e->hold_fd, &expirations, sizeof(expirations));
		(void) got;
	}
	uint64_t now = monotonic_usec();
	struct task **v = calloc(e->tasks.count + 1, sizeof(*v));
	if (!v)
		abort();
	size_t n = take(e, v, due_only, now);
	/* Unarmed, the timer would never let the others go: they go now, early. */
	if (e->hold_fd >= 0 && !arm(e))
		n += take(e, v + n, false, now);
	*out = v;
	return n;
}
