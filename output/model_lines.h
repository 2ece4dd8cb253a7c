/* What the model reports, as lines of the trace. */
#ifndef EPOLLTRACE_OUTPUT_MODEL_LINES_H
#define EPOLLTRACE_OUTPUT_MODEL_LINES_H

#include "app/session.h"

/* The model's output callbacks, printing through s's printer. */
struct model_output model_lines_output(struct session *s);

/* The table of diagnostics by kind, for the end of the trace. */
void model_lines_summary(struct session *s, struct strbuf *out);

#endif
