/* --top --batch: each frame as plain text, as top -b prints its own. */
#ifndef EPOLLTRACE_TOP_TOP_TEXT_H
#define EPOLLTRACE_TOP_TOP_TEXT_H

#include "top/top_view.h"
#include "util/strbuf.h"

/*
 * The header, every column of the instances' table, and the diagnostics
 * from new_diags on (the first new_diags of v->diags, which are newest
 * first), then an empty line.
 */
void top_text_frame(struct strbuf *out, const struct top_view *v, size_t new_diags);

#endif
