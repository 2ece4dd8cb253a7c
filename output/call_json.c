#include "output/call_json.h"
#include "output/json_lines.h"
#include "output/stack_json.h"

void call_json_begin(struct task *t, struct tracee_state *st)
{
	struct emitter *em = &st->em;
	sb_reset(&st->pending);
	emit_names_reset(&st->names);
	emitter_json_init(em, &st->pending, &st->names);
	emit_struct_begin(em);
	emit_string_field(em, "type", "syscall");
	emit_int_field(em, "pid", tracee_tgid(t, st));
	emit_int_field(em, "tid", task_tid(t));
	emit_time_now(em);
	emit_string_field(em, "syscall", st->call.desc->name);
	emit_field(em, "args");
	emit_args_begin(em);
}

/* What follows the result in every call's object, and the line. */
static void finish(struct session *s, struct tracee_state *st, int64_t ns)
{
	struct emitter *em = &st->em;
	emit_field(em, "duration");
	emit_seconds(em, ns > 0 ? ns : 0);
	emit_json_fd_names(em);
	if (s->stacks)
		emit_stack(em, st->stack);
	emit_struct_end(em);
	printer_whole_line(&s->printer, sb_str(&st->pending));
}

void call_json_end(struct session *s, struct tracee_state *st, int64_t ns)
{
	struct emitter *em = &st->em;
	const struct syscall_call *call = &st->call;
	if (call->desc->exit)
		call->desc->exit(em, call);
	emit_args_end(em);
	emit_retval(em, call);
	finish(s, st, ns);
}

void call_json_unfinished(struct session *s, struct tracee_state *st, const char *how,
			  int64_t ns)
{
	struct emitter *em = &st->em;
	emit_args_end(em);
	emit_field(em, "ret");
	emit_null(em);
	emit_field(em, "errno");
	emit_null(em);
	emit_string_field(em, "unfinished", how);
	finish(s, st, ns);
}
