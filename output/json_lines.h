/*
 * --json: building one object of the trace and writing it as one line.
 * Every object has "type"; those about a task have "pid", "tid" and
 * "time", the wall-clock time in seconds since the epoch.
 */
#ifndef EPOLLTRACE_OUTPUT_JSON_LINES_H
#define EPOLLTRACE_OUTPUT_JSON_LINES_H

#include <sys/types.h>
#include <time.h>

#include "emit/emit_json.h"
#include "output/printer.h"

struct json_line {
	struct strbuf text;
	struct emitter em;
};

/* Opens {"type":type; fields are then emitted through l->em. */
void json_line_begin(struct json_line *l, const char *type);
/* "pid", "tid", and "time" now. */
void json_line_task(struct json_line *l, pid_t pid, pid_t tid);
/* Closes the object and writes it whole, with no prefix, as one line. */
void json_line_end(struct json_line *l, struct printer *p);
/* The same, also under -c, which mutes only the calls and the tasks' lives. */
void json_line_end_unmuted(struct json_line *l, struct printer *p);

/* "time": now, seconds since the epoch, with microseconds. */
void emit_time_now(struct emitter *em);

#endif
