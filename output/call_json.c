#include "emit/emit_json.h"
#include "output/call_json.h"
#include "output/json_lines.h"
#include "output/stack_json.h"

void call_json_begin(struct trace_output *o, const struct task_ref *t, struct call_line *l)
{
	(void) o;
	struct emitter *em = &l->em;
	sb_reset(&l->pending);
	emit_names_reset(&l->names);
	emitter_json_init(em, &l->pending, &l->names);
	emit_struct_begin(em);
	emit_string_field(em, "type", "syscall");
	emit_int_field(em, "pid", t->pid);
	emit_int_field(em, "tid", t->tid);
	emit_time_now(em);
	emit_string_field(em, "syscall", l->call->desc->name);
	emit_field(em, "args");
	emit_args_begin(em);
	l->decoded_at_entry = l->call->desc->entry(em, l->call);
}

/* What follows the result in every call's object, and the line. */
static void finish(struct trace_output *o, struct call_line *l, int64_t ns)
{
	struct emitter *em = &l->em;
	emit_field(em, "duration");
	emit_seconds(em, ns > 0 ? ns : 0);
	emit_json_fd_names(em);
	if (o->stacks)
		emit_stack(em, l->stack);
	emit_struct_end(em);
	printer_whole_line(&o->printer, sb_str(&l->pending));
}

void call_json_end(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   int64_t ns)
{
	(void) t;
	struct emitter *em = &l->em;
	const struct syscall_call *call = l->call;
	if (call->desc->exit)
		call->desc->exit(em, call);
	emit_args_end(em);
	emit_retval(em, call);
	if (l->injected) {
		emit_field(em, "injected");
		emit_bool(em, true);
	} else if (l->delayed) {
		emit_field(em, "delayed");
		emit_bool(em, true);
	}
	finish(o, l, ns);
}

void call_json_cut(struct trace_output *o, const struct task_ref *t, struct call_line *l,
		   enum call_cut how, int64_t ns)
{
	(void) t;
	struct emitter *em = &l->em;
	emit_args_end(em);
	emit_field(em, "ret");
	emit_null(em);
	emit_field(em, "errno");
	emit_null(em);
	emit_string_field(em, "unfinished", how == CALL_TASK_DETACHED ? "detached" : "exited");
	finish(o, l, ns);
}
