/* The trace as JSON Lines (--json): its operations table. */
#include "output/call_json.h"
#include "output/model_json.h"
#include "output/summary_json.h"
#include "output/task_json.h"

static void interest_lists(struct trace_output *o, pid_t pid)
{
	model_json_interest_lists(&o->printer, pid);
}

static struct model_output model_output(struct trace_output *o)
{
	return model_json_output(o);
}

static void summary(struct trace_output *o, const struct run_summary *r)
{
	summary_json_print(&o->printer, r);
	printer_flush(&o->printer);
}

const struct output_ops json_output_ops = {
	/* Every object names its process, and every call's the time it took. */
	.wants_pid = true,
	.wants_duration = true,
	.call_begin = call_json_begin,
	.call_end = call_json_end,
	.call_cut = call_json_cut,
	.signal = task_json_signal,
	.stopped = task_json_stopped,
	.exited = task_json_exit,
	.superseded = task_json_superseded,
	.personality = task_json_personality,
	.interest_lists = interest_lists,
	.model_output = model_output,
	.summary = summary,
};
