/*
 * Stack walks with libunwind-ptrace: it reads the stopped task's registers
 * and stack through ptrace and follows the callers with the DWARF CFI of
 * the code they run.
 */
#include <stdlib.h>

#include "trace/stack_walk.h"
#include "trace/unwind_access.h"

struct stack_walker {
	/*
	 * Its cache maps a code address to how to find the caller there,
	 * which is what makes repeated walks cheap; it knows addresses, not
	 * processes, hence one per task.
	 */
	unw_addr_space_t as;
	struct unwind_access access;	/* the current walk's registers and stack */
};

struct stack_walker *stack_walker_new(void)
{
	struct stack_walker *w = malloc(sizeof(*w));
	if (!w)
		return NULL;
	unw_accessors_t acc = unwind_accessors();
	w->as = unw_create_addr_space(&acc, 0);
	if (!w->as) {
		free(w);
		return NULL;
	}
	unw_set_caching_policy(w->as, UNW_CACHE_GLOBAL);
	return w;
}

void stack_walker_free(struct stack_walker *w)
{
	if (!w)
		return;
	unw_destroy_addr_space(w->as);
	free(w);
}

void stack_walker_forget(struct stack_walker *w)
{
	if (w)
		unw_flush_cache(w->as, 0, 0);
}

/* Fills ips[] from cursor c, the task's own frame first. */
static struct stack_walk walk_from(unw_cursor_t *c, uint64_t *ips, size_t max)
{
	struct stack_walk r = { 0 };
	for (;;) {
		unw_word_t ip;
		if (unw_get_reg(c, UNW_REG_IP, &ip) < 0) {
			r.error = "cannot read the instruction pointer";
			return r;
		}
		/* libunwind reports the end of some stacks as a frame at 0. */
		if (ip == 0)
			return r;
		if (r.count == max) {
			r.truncated = true;
			return r;
		}
		ips[r.count++] = ip;
		int step = unw_step(c);
		if (step == 0)
			return r;
		if (step < 0) {
			r.error = unw_strerror(step);
			return r;
		}
	}
}

/* The walk begun in w->access. */
static struct stack_walk walk_begun(struct stack_walker *w, uint64_t *ips, size_t max)
{
	unw_cursor_t c;
	struct stack_walk r;
	int err = unw_init_remote(&c, w->as, w->access.upt);
	if (err < 0)
		r = (struct stack_walk) { .error = unw_strerror(err) };
	else
		r = walk_from(&c, ips, max);
	unwind_access_end(&w->access);
	return r;
}

struct stack_walk stack_walker_walk(struct stack_walker *w, struct task *t,
				    uint64_t *ips, size_t max)
{
	/* Made for each walk: the tid is then the task's current one (an execve can change it). */
	if (!unwind_access_begin(&w->access, task_tid(t)))
		return (struct stack_walk) { .error = "out of memory" };
	return walk_begun(w, ips, max);
}

struct stack_walk stack_walker_walk_asleep(struct stack_walker *w, pid_t tid, uint64_t pc,
					   uint64_t sp, uint64_t *ips, size_t max)
{
	if (!unwind_access_begin_asleep(&w->access, tid, pc, sp))
		return (struct stack_walk) { .error = "out of memory" };
	return walk_begun(w, ips, max);
}
