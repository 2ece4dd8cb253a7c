#include <string.h>

#include "decode/epoll_event.h"
#include "output/interest_header.h"
#include "output/json_lines.h"
#include "output/model_json.h"
#include "output/stack_json.h"

static void emit_fd_or_null(struct emitter *em, int fd)
{
	emit_field(em, "fd");
	if (fd >= 0)
		emit_int(em, fd);
	else
		emit_null(em);
}

static void json_warning(void *ctx, const struct model_warning *w)
{
	struct trace_output *o = ctx;
	struct json_line l;
	json_line_begin(&l, "diagnostic");
	emit_string_field(&l.em, "kind", w->kind);
	emit_int_field(&l.em, "pid", w->pid);
	emit_int_field(&l.em, "epfd", w->epfd);
	emit_fd_or_null(&l.em, w->fd);
	/* A warning is reported as it is found. */
	emit_time_now(&l.em);
	emit_string_field(&l.em, "evidence", w->evidence);
	emit_string_field(&l.em, "advice", w->advice);
	if (o->warning_stack) {
		emit_int_field(&l.em, "tid", w->tid);
		emit_stack(&l.em, o->warning_stack);
	}
	/* Under -c too: they are what --diagnose was asked for. */
	json_line_end_unmuted(&l, &o->printer);
}

/* A registration of a dump or of the attach header: an empty instance has "fd":null only. */
static void registration(struct printer *p, const struct model_dump_reg *r, const char *source,
			 bool with_reported)
{
	struct json_line l;
	json_line_begin(&l, "registration");
	emit_string_field(&l.em, "source", source);
	emit_int_field(&l.em, "pid", r->pid);
	emit_int_field(&l.em, "epfd", r->epfd);
	emit_fd_or_null(&l.em, r->fd);
	if (r->fd >= 0) {
		emit_string_field(&l.em, "name", r->name);
		emit_field(&l.em, "events");
		emit_epoll_events(&l.em, r->events);
		emit_field(&l.em, "data");
		emit_epoll_data(&l.em, r->data);
		emit_field(&l.em, "disarmed");
		emit_bool(&l.em, r->disarmed);
		if (with_reported)
			emit_uint_field(&l.em, "reported", r->reported);
	}
	json_line_end_unmuted(&l, p);
}

static void json_dump_reg(void *ctx, const struct model_dump_reg *r)
{
	registration(&((struct trace_output *) ctx)->printer, r, "dump", true);
}

static void json_dump_check(void *ctx, const struct model_dump_check *c)
{
	struct printer *p = &((struct trace_output *) ctx)->printer;
	struct json_line l;
	json_line_begin(&l, "dump_check");
	emit_int_field(&l.em, "pid", c->pid);
	emit_int_field(&l.em, "epfd", c->epfd);
	emit_field(&l.em, "matches");
	emit_bool(&l.em, c->matches);
	emit_uint_field(&l.em, "registrations", c->nregs);
	emit_field(&l.em, "differences");
	if (c->matches || !c->differences)
		emit_null(&l.em);
	else
		emit_string(&l.em, c->differences);
	json_line_end_unmuted(&l, p);
}

struct model_output model_json_output(struct trace_output *o)
{
	return (struct model_output) {
		.ctx = o,
		.warning = json_warning,
		.dump_reg = json_dump_reg,
		.dump_check = json_dump_check,
	};
}

static void attach_reg(void *ctx, const struct model_dump_reg *r)
{
	registration(ctx, r, "attach", false);
}

void model_json_interest_lists(struct printer *p, pid_t pid)
{
	int err = interest_header_each(pid, attach_reg, p);
	if (err)
		printer_notice(p, "pid %d: cannot read its epoll instances: %s",
			       (int) pid, strerror(err));
}
