/* The trace as strace's text: its operations table. */
#include "output/call_text.h"
#include "output/interest_header.h"
#include "output/model_lines.h"
#include "output/task_lines.h"

static void interest_lists(struct trace_output *o, pid_t pid)
{
	struct strbuf text = STRBUF_INIT;
	interest_header_print(&text, pid);
	printer_lines(&o->printer, sb_str(&text));
	sb_free(&text);
}

static struct model_output model_output(struct trace_output *o)
{
	return model_lines_output(o);
}

static void summary(struct trace_output *o, const struct run_summary *r)
{
	struct strbuf text = STRBUF_INIT;
	if (r->kinds)
		model_lines_summary(&text, r->kinds);
	if (r->calls) {
		summary_print(&text, r->calls, r->sort_by);
		epoll_stats_print(&text, r->epoll);
	}
	for (int why = 0; r->calls && r->calls_lost && why < ENGINE_NLOSSES; why++)
		if (r->calls_lost[why])
			sb_printf(&text, "epolltrace: %llu calls lost (%s), not counted above\n",
				  (unsigned long long) r->calls_lost[why], loss_reasons[why]);
	if (r->calls && r->children_untraced && *r->children_untraced)
		sb_printf(&text, "epolltrace: %llu processes untraced (table of traced processes"
			  " full), their calls not counted above\n",
			  (unsigned long long) *r->children_untraced);
	o->printer.mute = false;
	printer_lines(&o->printer, sb_str(&text));
	printer_flush(&o->printer);
	sb_free(&text);
}

const struct output_ops text_output_ops = {
	.call_begin = call_text_begin,
	.call_end = call_text_end,
	.call_cut = call_text_cut,
	.signal = task_lines_signal,
	.stopped = task_lines_stopped,
	.exited = task_lines_exited,
	.superseded = task_lines_superseded,
	.personality = task_lines_personality,
	.interest_lists = interest_lists,
	.model_output = model_output,
	.summary = summary,
};
