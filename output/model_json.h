/* --json: what the model reports, and the attach header, as objects. */
#ifndef EPOLLTRACE_OUTPUT_MODEL_JSON_H
#define EPOLLTRACE_OUTPUT_MODEL_JSON_H

#include "model/epoll_model.h"
#include "output/printer.h"
#include "output/trace_output.h"

/*
 * The model's output callbacks, through o's printer: {"type":"diagnostic",...}
 * per warning (with "tid" and its "stack" when o->warning_stack is set, -k),
 * {"type":"registration","source":"dump",...} per line of a dump and
 * {"type":"dump_check",...} after each dumped instance.
 */
struct model_output model_json_output(struct trace_output *o);

/*
 * The attach header of pid: {"type":"registration","source":"attach",...}
 * per registration; a /proc that cannot be read is said on stderr.
 */
void model_json_interest_lists(struct printer *p, pid_t pid);

#endif
