#include <sys/wait.h>

#include "decode/siginfo.h"
#include "decode/signals.h"
#include "output/json_lines.h"
#include "output/task_json.h"

static void begin(struct json_line *l, const char *type, const struct task_ref *t)
{
	json_line_begin(l, type);
	json_line_task(l, t->pid, t->tid);
}

void task_json_signal(struct trace_output *o, const struct task_ref *t, const siginfo_t *si)
{
	struct json_line l;
	begin(&l, "signal", t);
	emit_string_field(&l.em, "signal", signal_name(si->si_signo));
	emit_field(&l.em, "siginfo");
	emit_siginfo(&l.em, si);
	json_line_end(&l, &o->printer);
}

void task_json_stopped(struct trace_output *o, const struct task_ref *t, int sig)
{
	struct json_line l;
	begin(&l, "stopped", t);
	emit_string_field(&l.em, "signal", signal_name(sig));
	json_line_end(&l, &o->printer);
}

void task_json_exit(struct trace_output *o, const struct task_ref *t, int status)
{
	struct json_line l;
	if (WIFEXITED(status)) {
		begin(&l, "exit", t);
		emit_int_field(&l.em, "status", WEXITSTATUS(status));
	} else {
		begin(&l, "killed", t);
		emit_string_field(&l.em, "signal", signal_name(WTERMSIG(status)));
		emit_field(&l.em, "core_dumped");
		emit_bool(&l.em, WCOREDUMP(status));
	}
	json_line_end(&l, &o->printer);
}

/* The leader's pid is the process's, which former_tid's thread now has. */
void task_json_superseded(struct trace_output *o, const struct task_ref *t, pid_t former_tid)
{
	struct json_line l;
	json_line_begin(&l, "superseded");
	json_line_task(&l, t->tid, t->tid);
	emit_int_field(&l.em, "former_tid", former_tid);
	json_line_end(&l, &o->printer);
}

void task_json_personality(struct trace_output *o, const struct task_ref *t,
			   const struct abi *abi)
{
	struct json_line l;
	begin(&l, "personality", t);
	emit_string_field(&l.em, "mode", abi_mode_name(abi));
	json_line_end(&l, &o->printer);
}
