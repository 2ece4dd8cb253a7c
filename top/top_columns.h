/*
 * The columns of --top's tables, most important first, so that a narrow
 * terminal shows those: their titles, widths, text and sort order.  The
 * screen and --batch's text share them.
 */
#ifndef EPOLLTRACE_TOP_TOP_COLUMNS_H
#define EPOLLTRACE_TOP_TOP_COLUMNS_H

#include "top/top_view.h"
#include "util/strbuf.h"

struct top_column {
	const char *title;
	int width;
	/* For sorting: larger first (rates), or smaller first (pid, epfd). */
	double (*value)(const struct top_instance_row *r);
	bool ascending;
	void (*text)(struct strbuf *out, const struct top_instance_row *r);
};

extern const struct top_column top_instance_columns[];
extern const size_t top_ninstance_columns;

/* How many of the instance columns fit in width characters (at least 2). */
size_t top_columns_fitting(int width);
/* The title line of the first ncolumns; the sorted one is marked. */
void top_instance_titles(struct strbuf *out, size_t ncolumns, size_t sorted);
void top_instance_line(struct strbuf *out, const struct top_instance_row *r, size_t ncolumns);
/* Orders rows by column, ties by pid and epfd. */
void top_sort_instances(struct top_instance_row *rows, size_t n, size_t column);

/* The interest list's titles and lines; the name takes what room is left. */
void top_fd_titles(struct strbuf *out);
void top_fd_line(struct strbuf *out, const struct top_fd_row *r);
/* Hottest first, then by fd. */
void top_sort_fds(struct top_fd_row *rows, size_t n);

/* The header's line. */
void top_header_line(struct strbuf *out, const struct top_view *v);

#endif
