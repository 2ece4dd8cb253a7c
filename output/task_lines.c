#include <sys/wait.h>

#include "decode/signals.h"
#include "emit/text_values.h"
#include "output/colour.h"
#include "output/task_lines.h"

static struct strbuf *start(struct trace_output *o, const struct task_ref *t)
{
	printer_start(&o->printer, t->owner, t->tid, t->several);
	return printer_text(&o->printer);
}

void task_lines_signal(struct trace_output *o, const struct task_ref *t, const siginfo_t *si)
{
	struct strbuf *out = start(o, t);
	colour_start(out, o->colour, COLOUR_SIGNAL);
	sb_printf(out, "--- %s ", signal_name(si->si_signo));
	print_siginfo(out, si, o->const_style);
	sb_puts(out, " ---");
	colour_end(out, o->colour);
	printer_end(&o->printer);
}

void task_lines_stopped(struct trace_output *o, const struct task_ref *t, int sig)
{
	struct strbuf *out = start(o, t);
	colour_start(out, o->colour, COLOUR_SIGNAL);
	sb_printf(out, "--- stopped by %s ---", signal_name(sig));
	colour_end(out, o->colour);
	printer_end(&o->printer);
}

void task_lines_exited(struct trace_output *o, const struct task_ref *t, int status)
{
	struct strbuf *out = start(o, t);
	colour_start(out, o->colour, COLOUR_EXIT);
	if (WIFEXITED(status))
		sb_printf(out, "+++ exited with %d +++", WEXITSTATUS(status));
	else
		sb_printf(out, "+++ killed by %s%s +++", signal_name(WTERMSIG(status)),
			  WCOREDUMP(status) ? " (core dumped)" : "");
	colour_end(out, o->colour);
	printer_end(&o->printer);
}

void task_lines_superseded(struct trace_output *o, const struct task_ref *t, pid_t former_tid)
{
	sb_printf(start(o, t), "+++ superseded by execve in pid %d +++", (int) former_tid);
	printer_end(&o->printer);
}

void task_lines_personality(struct trace_output *o, const struct task_ref *t,
			    const struct abi *abi)
{
	sb_printf(start(o, t), "[ Process PID=%d runs in %s mode. ]", (int) t->tid,
		  abi_mode_name(abi));
	printer_end(&o->printer);
}
