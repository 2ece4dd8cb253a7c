/*
 * --color: a few highlights on a terminal.  Only whole trailing parts of a
 * line are coloured, after the alignment padding, so the columns strace
 * users read by stay where they are.
 */
#ifndef EPOLLTRACE_OUTPUT_COLOUR_H
#define EPOLLTRACE_OUTPUT_COLOUR_H

#include <stdbool.h>
#include <stdio.h>

#include "util/strbuf.h"

enum colour_when { COLOUR_AUTO, COLOUR_ALWAYS, COLOUR_NEVER };

enum colour_role {
	COLOUR_ERROR,	/* a failed call's result */
	COLOUR_SIGNAL,	/* --- SIG... --- and stop lines */
	COLOUR_EXIT,	/* +++ exited / killed +++ */
};

/* "auto", "always", "never" (and strace-like "yes"/"no"); -1 if none. */
int colour_when_by_name(const char *name);

/* auto: only on a terminal, and not when NO_COLOR is set and not empty. */
bool colour_wanted(enum colour_when when, FILE *out);

/* Appends the escape that starts role, or that ends any role. */
void colour_start(struct strbuf *out, bool enabled, enum colour_role role);
void colour_end(struct strbuf *out, bool enabled);

#endif
