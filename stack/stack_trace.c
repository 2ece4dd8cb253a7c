#include <linux/audit.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/proc_maps.h"
#include "procfs/task_syscall.h"
#include "stack/elf_symbols.h"
#include "stack/frame_lines.h"
#include "stack/frame_list.h"
#include "stack/stack_trace.h"
#include "stack/symbol_files.h"
#include "trace/stack_walk.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* strace's default limit: deeper stacks end with a line saying so. */
#define MAX_FRAMES 256

struct stack_tracer {
	struct symbol_files files;
};

struct task_stack {
	struct stack_walker *walker;	/* NULL until the first walk */
	struct proc_maps maps;
	struct strbuf text;
	struct frame_list frames;	/* the same, as data */
};

struct stack_tracer *stack_tracer_new(void)
{
	return xcalloc(1, sizeof(struct stack_tracer));
}

void stack_tracer_free(struct stack_tracer *tr)
{
	if (!tr)
		return;
	symbol_files_free(&tr->files);
	free(tr);
}

/*
 * The mapping holding ip.  The cached maps are read again only when ip is
 * in none of them: code mapped since (dlopen) is then found, and a walk
 * through known code never touches /proc.
 */
static struct code_mapping *mapping_of(struct task_stack *ts, pid_t tid, uint64_t ip,
				       bool *reread)
{
	struct code_mapping *m = proc_maps_find(&ts->maps, ip);
	if (m || *reread)
		return m;
	*reread = true;
	proc_maps_read(&ts->maps, tid);
	return proc_maps_find(&ts->maps, ip);
}

/* None, and why. */
static void no_frames(struct task_stack *ts, const char *why)
{
	frame_line_none(&ts->text, why);
	frame_list_none(&ts->frames, why);
}

/* One frame's line; false when it lies in no file and the trace ends there. */
static bool add_frame(struct stack_tracer *tr, struct task_stack *ts, pid_t tid,
		      uint64_t ip, bool caller, bool *reread)
{
	struct code_mapping *m = mapping_of(ts, tid, ip, reread);
	if (!m || !m->path) {
		frame_line_lost(&ts->text, "unexpected_backtracing_error", ip);
		frame_list_lost(&ts->frames, "unexpected_backtracing_error", ip);
		return false;
	}
	if (!m->symbols_looked_up) {
		m->symbols = symbol_files_get(&tr->files, m->path, m->inode);
		m->symbols_looked_up = true;
	}
	uint64_t file_off = ip - m->start + m->offset;
	/*
	 * A caller's address is where its call returns to, which for a call
	 * that never returns is the next function's first byte: the byte
	 * before it names the caller (libunwind does the same).
	 */
	uint64_t back = caller && file_off > 0 ? 1 : 0;
	const char *func = NULL;
	uint64_t distance = 0;
	if (m->symbols && !elf_symbols_lookup(m->symbols, file_off - back, &func, &distance))
		func = NULL;
	frame_line(&ts->text, m->path, func, distance + back, file_off);
	frame_list_add(&ts->frames, m->path, func, distance + back, file_off);
	return true;
}

/* ts's walker, made on first use; false, and said, when it cannot be. */
static bool have_walker(struct task_stack *ts)
{
	if (!ts->walker)
		ts->walker = stack_walker_new();
	if (!ts->walker)
		no_frames(ts, "libunwind could not be set up");
	return ts->walker != NULL;
}

/* The lines of the frames of thread tid a walk found. */
static void add_frames(struct stack_tracer *tr, struct task_stack *ts, pid_t tid,
		       const uint64_t *ips, const struct stack_walk *w)
{
	if (w->count == 0) {
		no_frames(ts, w->error ? w->error : "no frames");
		return;
	}
	bool reread = false;
	for (size_t i = 0; i < w->count; i++)
		if (!add_frame(tr, ts, tid, ips[i], i > 0, &reread))
			return;
	if (w->truncated) {
		sb_puts(&ts->text, " > too many stack frames\n");
		ts->frames.truncated = true;
	}
}

/* *tsp, made on first use and emptied; false, and said, when abi cannot be walked. */
static bool begin_capture(struct task_stack **tsp, const struct abi *abi)
{
	if (!*tsp)
		*tsp = xcalloc(1, sizeof(**tsp));
	struct task_stack *ts = *tsp;
	sb_reset(&ts->text);
	frame_list_reset(&ts->frames);
	/* libunwind unwinds the ABI it was built for, the host's, only. */
	if (abi->audit_arch != AUDIT_ARCH_X86_64) {
		struct strbuf why = STRBUF_INIT;
		sb_printf(&why, "%s processes are not supported", abi->name);
		no_frames(ts, sb_str(&why));
		sb_free(&why);
		return false;
	}
	return true;
}

void stack_trace_capture(struct stack_tracer *tr, struct task_stack **tsp, struct task *t,
			 const struct abi *abi)
{
	if (!begin_capture(tsp, abi) || !have_walker(*tsp))
		return;
	uint64_t ips[MAX_FRAMES];
	struct stack_walk w = stack_walker_walk((*tsp)->walker, t, ips, MAX_FRAMES);
	add_frames(tr, *tsp, task_tid(t), ips, &w);
}

/* The thread did not move while it was looked at: the same sleep, in the same place. */
static bool same_sleep(const struct task_syscall *a, const struct task_syscall *b)
{
	return a->activity == b->activity && a->nr == b->nr && a->sp == b->sp &&
	       a->pc == b->pc && a->sleeps == b->sleeps && a->cpu_ns == b->cpu_ns &&
	       memcmp(a->args, b->args, sizeof(a->args)) == 0;
}

void stack_trace_capture_asleep(struct stack_tracer *tr, struct task_stack **tsp, pid_t tgid,
				pid_t tid, const struct abi *abi)
{
	if (!begin_capture(tsp, abi))
		return;
	struct task_stack *ts = *tsp;
	/* Each capture may be of another process: what was learnt of the last one's code is void. */
	task_stack_forget(ts);
	struct task_syscall before, after;
	if (!proc_task_syscall(tgid, tid, &before)) {
		no_frames(ts, "the thread is gone");
		return;
	}
	if (before.activity == TASK_RUNNING || before.activity == TASK_TRACE_STOPPED ||
	    !before.sp) {
		/* Stopping it to walk its stack could make a call it enters meanwhile fail (EINTR). */
		no_frames(ts, before.activity == TASK_RUNNING
			      ? "the thread runs, and is not stopped to walk its stack"
			      : "the thread is not asleep");
		return;
	}
	if (!have_walker(ts))
		return;
	uint64_t ips[MAX_FRAMES];
	struct stack_walk w = stack_walker_walk_asleep(ts->walker, tid, before.pc, before.sp, ips,
						       MAX_FRAMES);
	if (!proc_task_syscall(tgid, tid, &after) || !same_sleep(&before, &after)) {
		no_frames(ts, "the thread woke while its stack was read");
		return;
	}
	add_frames(tr, ts, tid, ips, &w);
}

const char *stack_trace_text(struct task_stack *ts)
{
	return ts ? sb_str(&ts->text) : "";
}

const struct stack_frame *stack_trace_frames(struct task_stack *ts, size_t *count,
					     const char **error, bool *truncated)
{
	if (!ts) {
		*count = 0;
		*error = NULL;
		*truncated = false;
		return NULL;
	}
	*truncated = ts->frames.truncated;
	return frame_list_frames(&ts->frames, count, error);
}

void task_stack_forget(struct task_stack *ts)
{
	if (!ts)
		return;
	proc_maps_clear(&ts->maps);
	stack_walker_forget(ts->walker);
}

void task_stack_free(struct task_stack *ts)
{
	if (!ts)
		return;
	proc_maps_clear(&ts->maps);
	stack_walker_free(ts->walker);
	sb_free(&ts->text);
	frame_list_free(&ts->frames);
	free(ts);
}
