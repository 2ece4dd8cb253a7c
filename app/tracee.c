#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "app/task_files.h"
#include "app/tracee.h"
#include "procfs/proc_status.h"
#include "util/xalloc.h"

struct tracee_state *state_of(struct session *s, struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (st)
		return st;
	st = xcalloc(1, sizeof(*st));
	st->abi = s->last_abi;
	st->session = s;
	task_set_user(t, st);
	return st;
}

void tracee_drop(struct task *t)
{
	struct tracee_state *st = task_user(t);
	if (!st)
		return;
	if (st->own_out)
		task_output_close(st->session, st->own_out);
	sb_free(&st->line.pending);
	emit_names_free(&st->line.names);
	task_stack_free(st->line.stack);
	free(st);
	task_set_user(t, NULL);
}

pid_t tracee_tgid(struct task *t, struct tracee_state *st)
{
	if (!st->tgid)
		st->tgid = proc_tgid(task_tid(t));
	return st->tgid;
}

struct trace_output *output_of(struct session *s, struct task *t)
{
	if (s->opts->follow_forks < 2 || !s->opts->outfile)
		return &s->out;
	struct tracee_state *st = state_of(s, t);
	if (!st->own_out && !st->own_out_failed) {
		st->own_out = task_output_open(s, task_tid(t));
		/* Its lines go with epolltrace's own then: they must not be lost. */
		st->own_out_failed = !st->own_out;
	}
	return st->own_out ? st->own_out : &s->out;
}

struct task_ref tracee_ref(struct session *s, struct task *t, struct tracee_state *st)
{
	return (struct task_ref) {
		.owner = st,
		.pid = s->out.ops->wants_pid ? tracee_tgid(t, st) : 0,
		.tid = task_tid(t),
		.several = engine_ntasks(s->engine) > 1,
	};
}

/* A read not made lest it wait for a userfaultfd handler is noted, to be told. */
static bool read_mem(struct task *t, uint64_t addr, void *buf, size_t len)
{
	if (task_read_mem(t, addr, buf, len))
		return true;
	struct tracee_state *st = task_user(t);
	if (errno == EWOULDBLOCK && st && !st->unread.pending) {
		st->unread.pending = true;
		st->unread.addr = addr;
	}
	return false;
}

static bool read_cache_fill(struct task *t, struct read_cache *c, uint64_t addr, size_t len)
{
	if (len > c->cap) {
		/* Doubling: a stop's reads come in growing sizes, up to the bound. */
		size_t cap = c->cap ? c->cap : 1024;
		while (cap < len)
			cap *= 2;
		c->cap = cap < READ_CACHE_MAX ? cap : READ_CACHE_MAX;
		c->bytes = xrealloc(c->bytes, c->cap);
	}
	c->valid = read_mem(t, addr, c->bytes, len);
	c->tid = task_tid(t);
	c->addr = addr;
	c->len = len;
	return c->valid;
}

static bool read_cache_holds(const struct read_cache *c, pid_t tid, uint64_t addr, size_t len)
{
	return c->valid && c->tid == tid && addr >= c->addr && addr - c->addr <= c->len &&
	       len <= c->len - (addr - c->addr);
}

/*
 * A stop's reads repeat: a wait's events are read for its line and again
 * for the model, a ctl's event for its line and the model.  Keeping the
 * last read saves a process_vm_readv each time.
 */
bool read_tracee(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct tracee_state *st = task_user(ctx);
	struct read_cache *c = st ? &st->session->last_read : NULL;
	if (!c || !read_cache_holds(c, task_tid(ctx), addr, len)) {
		if (!c || len > READ_CACHE_MAX)
			return read_mem(ctx, addr, buf, len);
		if (!read_cache_fill(ctx, c, addr, len))
			return false;
	}
	if (len)
		memcpy(buf, c->bytes + (addr - c->addr), len);
	return true;
}

void tracee_read_ahead(struct task *t, uint64_t addr, size_t len)
{
	struct tracee_state *st = task_user(t);
	if (st && len <= READ_CACHE_MAX)
		read_cache_fill(t, &st->session->last_read, addr, len);
}
