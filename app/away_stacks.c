#include "app/away_stacks.h"

static void warning(void *ctx, const struct model_warning *w)
{
	struct session *s = ctx;
	if (w->tid <= 0) {
		s->model_next.warning(s->model_next.ctx, w);
		return;
	}
	stack_trace_capture_asleep(s->stacks, &s->away_stack, w->pid, w->tid,
				   w->abi ? w->abi : &abi_x86_64);
	/* --top keeps the stack the model is being fed with for its warnings: this one. */
	struct task_stack *feeding = s->feeding_stack;
	s->feeding_stack = s->away_stack;
	s->out.warning_stack = s->away_stack;
	s->model_next.warning(s->model_next.ctx, w);
	s->out.warning_stack = NULL;
	s->feeding_stack = feeding;
}

static void dump_reg(void *ctx, const struct model_dump_reg *r)
{
	struct session *s = ctx;
	s->model_next.dump_reg(s->model_next.ctx, r);
}

static void dump_check(void *ctx, const struct model_dump_check *c)
{
	struct session *s = ctx;
	s->model_next.dump_check(s->model_next.ctx, c);
}

struct model_output away_stacks_output(struct session *s, const struct model_output *next)
{
	s->model_next = *next;
	return (struct model_output) {
		.ctx = s, .warning = warning, .dump_reg = dump_reg, .dump_check = dump_check,
	};
}
