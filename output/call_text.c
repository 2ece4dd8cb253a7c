#include <inttypes.h>

#include "emit/emit_text.h"
#include "output/call_text.h"
#include "output/colour.h"

static void start(struct trace_output *o, const struct task_ref *t)
{
	printer_start(&o->printer, t->owner, t->tid, t->several);
}

void call_text_begin(struct trace_output *o, const struct task_ref *t, struct call_line *l)
{
	struct strbuf *out = &l->pending;
	if (l->deferred) {
		sb_reset(out);
	} else {
		start(o, t);
		out = printer_text(&o->printer);
	}
	sb_puts(out, l->call->desc->name);
	sb_putc(out, '(');
	emitter_text_init(&l->em, out);
	l->em.const_style = l->call->opts->const_style;
	l->decoded_at_entry = l->call->desc->entry(&l->em, l->call);
}

/* A line another task cut is picked up again as strace does. */
static void resume(struct trace_output *o, const struct task_ref *t, struct call_line *l)
{
	if (printer_is_open_for(&o->printer, t->owner) && !l->reprint)
		return;
	l->reprint = false;
	start(o, t);
	sb_printf(printer_text(&o->printer), "<... %s resumed>", l->call->desc->name);
}

/* -T: " <0.000123>", the time the call took. */
static void print_call_time(struct strbuf *out, int64_t ns)
{
	sb_printf(out, " <%" PRId64 ".%06" PRId64 ">", ns / 1000000000, ns % 1000000000 / 1000);
}

/* Where a call's line goes on: its held text, or its line begun at entry. */
static void reopen(struct trace_output *o, const struct task_ref *t, struct call_line *l)
{
	if (!l->deferred) {
		resume(o, t, l);
		return;
	}
	start(o, t);
	sb_puts(printer_text(&o->printer), sb_str(&l->pending));
}

void call_text_end(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   int64_t ns)
{
	const struct syscall_call *call = l->call;
	reopen(o, t, l);
	struct strbuf *out = printer_text(&o->printer);
	/* The entry's emitter goes on, where the line now is. */
	l->em.out = out;
	if (call->desc->exit)
		call->desc->exit(&l->em, call);
	sb_puts(out, ") ");
	printer_tab(&o->printer);
	bool colour = o->colour && call->is_error;
	colour_start(out, colour, COLOUR_ERROR);
	emit_retval(&l->em, call);
	colour_end(out, colour);
	if (l->injected)
		sb_puts(out, " (INJECTED)");
	else if (l->delayed)
		sb_puts(out, " (DELAYED)");
	if (o->call_times)
		print_call_time(out, ns);
	printer_end(&o->printer);
	if (o->stacks)
		printer_lines(&o->printer, stack_trace_text(l->stack));
}

void call_text_cut(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   enum call_cut how, int64_t ns)
{
	(void) ns;
	reopen(o, t, l);
	struct strbuf *out = printer_text(&o->printer);
	if (how == CALL_TASK_DETACHED) {
		sb_puts(out, " <detached ...>");
	} else {
		if (!l->decoded_at_entry)
			sb_puts(out, " <unfinished ...>");
		sb_puts(out, ") ");
		printer_tab(&o->printer);
		sb_puts(out, "= ?");
	}
	printer_end(&o->printer);
}
