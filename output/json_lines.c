#include "output/json_lines.h"

void json_line_begin(struct json_line *l, const char *type)
{
	l->text = (struct strbuf) STRBUF_INIT;
	emitter_json_init(&l->em, &l->text, NULL);
	emit_struct_begin(&l->em);
	emit_string_field(&l->em, "type", type);
}

void json_line_task(struct json_line *l, pid_t pid, pid_t tid)
{
	emit_int_field(&l->em, "pid", pid);
	emit_int_field(&l->em, "tid", tid);
	emit_time_now(&l->em);
}

static void end_line(struct json_line *l, struct printer *p, bool unmuted)
{
	emit_struct_end(&l->em);
	if (unmuted)
		printer_unmuted(p, printer_whole_line, sb_str(&l->text));
	else
		printer_whole_line(p, sb_str(&l->text));
	sb_free(&l->text);
}

void json_line_end(struct json_line *l, struct printer *p)
{
	end_line(l, p, false);
}

void json_line_end_unmuted(struct json_line *l, struct printer *p)
{
	end_line(l, p, true);
}

static void emit_wall_time(struct emitter *em, const struct timespec *wall)
{
	emit_fixed(em, (int64_t) wall->tv_sec * 1000000 + wall->tv_nsec / 1000, 6);
}

void emit_time_now(struct emitter *em)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	emit_field(em, "time");
	emit_wall_time(em, &now);
}
