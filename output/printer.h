/*
 * strace's line discipline: one line per event, a pid prefix, the
 * alignment column, and lines cut by another task's output marked
 * "<unfinished ...>".
 */
#ifndef EPOLLTRACE_OUTPUT_PRINTER_H
#define EPOLLTRACE_OUTPUT_PRINTER_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "output/timestamp.h"
#include "util/strbuf.h"

/* Which lines start with the task's id, and how: as strace decides it. */
enum pid_prefix {
	PREFIX_BRACKETED,	/* "[pid  123] " while several tasks are traced */
	PREFIX_PLAIN,		/* "123   " always, as strace -f -o FILE */
	PREFIX_PLAIN_SEVERAL,	/* "123   " while several are: -o FILE without -f */
	PREFIX_NONE,		/* never: a file of one task's lines (-ff) */
};

struct printer {
	FILE *out;
	bool line_buffered;
	bool broken;		/* the output went away: stop writing */
	const char *name;	/* -o's file, for the message; NULL: stderr */
	enum pid_prefix prefix;
	unsigned int acolumn;
	const void *owner;	/* whose line is open, or NULL */
	struct strbuf line;	/* the open line's text not yet written */
	size_t written;		/* the open line's text already written */
	struct timestamp_style timestamps;
	/* -c: nothing is written until the summary unmutes it. */
	bool mute;
};

void printer_init(struct printer *p, FILE *out, enum pid_prefix prefix, unsigned int acolumn);
void printer_free(struct printer *p);
/* What is written from now on goes to out (name: -o's file, or NULL for stderr). */
void printer_redirect(struct printer *p, FILE *out, const char *name);

/*
 * Opens a line for owner, first cutting any other open line with
 * " <unfinished ...>".  several: more than one task is traced.
 */
void printer_start(struct printer *p, const void *owner, pid_t tid, bool several);
bool printer_is_open_for(const struct printer *p, const void *owner);
struct strbuf *printer_text(struct printer *p);
/* Pads the open line to the alignment column. */
void printer_tab(struct printer *p);
void printer_end(struct printer *p);
/* Ends an open line with " <unfinished ...>", as another task's output would. */
void printer_cut(struct printer *p);
void printer_flush(struct printer *p);
/* Writes whole lines of text (each ending in a newline) on their own. */
void printer_lines(struct printer *p, const char *text);
/*
 * write(p, text), also under -c, which mutes only the calls: for what was
 * asked for on its own (diagnostics, dumps, the summary).
 */
void printer_unmuted(struct printer *p, void (*write)(struct printer *, const char *),
		     const char *text);
/*
 * Writes line and a newline at once, flushed on a terminal as a line
 * printer_end ends: --json's objects, which are never cut or resumed.
 */
void printer_whole_line(struct printer *p, const char *line);
/*
 * Writes one of epolltrace's own notices, which go to stderr; when the
 * trace goes there too, an open line is cut first so the two do not mix.
 */
void printer_notice(struct printer *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
