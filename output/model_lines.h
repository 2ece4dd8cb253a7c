/* What the model reports, as lines of the trace. */
#ifndef EPOLLTRACE_OUTPUT_MODEL_LINES_H
#define EPOLLTRACE_OUTPUT_MODEL_LINES_H

#include "model/epoll_model.h"
#include "output/trace_output.h"

/*
 * The model's output callbacks, printing through o's printer; a warning
 * about a thread is followed by o->warning_stack's frames (-k).
 */
struct model_output model_lines_output(struct trace_output *o);

/* "model matches the kernel (N registrations)", or how it differs. */
void model_check_text(struct strbuf *out, const struct model_dump_check *c);
/* --dump's line of it: "epolltrace: dump: pid P epfd E: ...\n". */
void model_check_line(struct strbuf *out, const struct model_dump_check *c);

/* The table of diagnostics by kind (counts: DIAG_NKINDS of them), for the end of the trace. */
void model_lines_summary(struct strbuf *out, const struct model_kind_count *counts);

#endif
