/*
 * -ff's files, as strace writes them: a task's lines without a pid
 * prefix, never cut by another task's line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/task_files.h"
#include "util/xalloc.h"

struct trace_output *task_output_open(struct session *s, pid_t tid)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s.%d", s->opts->outfile, (int) tid);
	FILE *out = fopen(path, "we");
	if (!out) {
		printer_notice(&s->out.printer, "cannot open output '%s': %s", path, strerror(errno));
		return NULL;
	}
	setvbuf(out, NULL, _IOFBF, 1 << 16);
	struct trace_output *o = xcalloc(1, sizeof(*o));
	*o = s->out;
	printer_init(&o->printer, out, PREFIX_NONE, s->opts->acolumn);
	o->printer.name = xstrndup(path, strlen(path));
	o->printer.timestamps = s->out.printer.timestamps;
	o->printer.mute = s->out.printer.mute;
	s->task_outputs = grow_array(s->task_outputs, &s->task_outputs_cap, s->ntask_outputs,
				     sizeof(*s->task_outputs));
	s->task_outputs[s->ntask_outputs++] = o;
	return o;
}

void task_output_close(struct session *s, struct trace_output *o)
{
	for (size_t i = 0; i < s->ntask_outputs; i++) {
		if (s->task_outputs[i] == o) {
			s->task_outputs[i] = s->task_outputs[--s->ntask_outputs];
			break;
		}
	}
	printer_free(&o->printer);
	fclose(o->printer.out);
	free((char *) o->printer.name);
	free(o);
}

void task_outputs_flush(struct session *s)
{
	for (size_t i = 0; i < s->ntask_outputs; i++)
		printer_flush(&s->task_outputs[i]->printer);
}
