#include "model/diag_kinds.h"
#include "output/interest_header.h"
#include "output/model_lines.h"

/* Warnings and dumps are printed even under -c: they are what --diagnose and --dump ask for. */
static void print_unmuted(struct printer *p, const char *text)
{
	printer_unmuted(p, printer_lines, text);
}

static void print_warning(void *ctx, const struct model_warning *w)
{
	struct trace_output *o = ctx;
	struct printer *p = &o->printer;
	struct strbuf line = STRBUF_INIT;
	sb_printf(&line, "epolltrace: warning[%s]: pid %d epfd %d", w->kind, (int) w->pid, w->epfd);
	if (w->fd >= 0)
		sb_printf(&line, " fd %d", w->fd);
	sb_printf(&line, ": %s. %s.\n", w->evidence, w->advice);
	if (o->warning_stack)
		sb_puts(&line, stack_trace_text(o->warning_stack));
	print_unmuted(p, sb_str(&line));
	sb_free(&line);
}

static void print_dump_reg(void *ctx, const struct model_dump_reg *r)
{
	struct printer *p = &((struct trace_output *) ctx)->printer;
	struct strbuf line = STRBUF_INIT;
	interest_line_print(&line, "dump: ", r, true);
	print_unmuted(p, sb_str(&line));
	sb_free(&line);
}

void model_check_text(struct strbuf *out, const struct model_dump_check *c)
{
	if (c->matches)
		sb_printf(out, "model matches the kernel (%zu registration%s)", c->nregs,
			  c->nregs == 1 ? "" : "s");
	else
		sb_printf(out, "model differs from the kernel: %s", c->differences);
}

void model_check_line(struct strbuf *out, const struct model_dump_check *c)
{
	sb_printf(out, "epolltrace: dump: pid %d epfd %d: ", (int) c->pid, c->epfd);
	model_check_text(out, c);
	sb_putc(out, '\n');
}

static void print_dump_check(void *ctx, const struct model_dump_check *c)
{
	struct printer *p = &((struct trace_output *) ctx)->printer;
	struct strbuf line = STRBUF_INIT;
	model_check_line(&line, c);
	print_unmuted(p, sb_str(&line));
	sb_free(&line);
}

struct model_output model_lines_output(struct trace_output *o)
{
	return (struct model_output) {
		.ctx = o,
		.warning = print_warning,
		.dump_reg = print_dump_reg,
		.dump_check = print_dump_check,
	};
}

void model_lines_summary(struct strbuf *out, const struct model_kind_count *counts)
{
	bool any = false;
	for (int k = 0; k < DIAG_NKINDS; k++)
		any |= counts[k].warned || counts[k].recovered;
	if (!any) {
		sb_puts(out, "epolltrace: diagnostics: no event-loop problems found\n");
		return;
	}
	/* Each line stands alone, for log parsers that read one line at a time. */
	sb_printf(out, "epolltrace: diagnostics: %-26s %8s %8s %10s\n", "kind", "warnings",
		  "repeats", "recovered");
	for (int k = 0; k < DIAG_NKINDS; k++)
		if (counts[k].warned || counts[k].recovered)
			sb_printf(out, "epolltrace: diagnostics: %-26s %8lu %8lu %10lu\n",
				  counts[k].kind, counts[k].warned, counts[k].repeats,
				  counts[k].recovered);
}
