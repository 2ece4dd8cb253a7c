#include "output/stack_json.h"

static void emit_frame(struct emitter *em, const struct stack_frame *f)
{
	emit_struct_begin(em);
	emit_field(em, "file");
	if (f->file)
		emit_string(em, f->file);
	else
		emit_null(em);
	emit_field(em, "function");
	if (f->function)
		emit_string(em, f->function);
	else
		emit_null(em);
	emit_field(em, "offset");
	if (f->function)
		emit_hex(em, f->offset);
	else
		emit_null(em);
	emit_field(em, "address");
	emit_hex(em, f->address);
	/* The walk stopped at an address in no file: strace's word for why. */
	if (f->lost)
		emit_string_field(em, "error", f->lost);
	emit_struct_end(em);
}

void emit_stack(struct emitter *em, struct task_stack *ts)
{
	size_t count;
	const char *error;
	bool truncated;
	const struct stack_frame *frames = stack_trace_frames(ts, &count, &error, &truncated);
	if (error) {
		emit_string_field(em, "stack_error", error);
		return;
	}
	emit_field(em, "stack");
	emit_array_begin(em);
	for (size_t i = 0; i < count; i++)
		emit_frame(em, &frames[i]);
	emit_array_end(em);
	if (truncated) {
		emit_field(em, "stack_truncated");
		emit_bool(em, true);
	}
}
