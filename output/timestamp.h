/* The -t, -tt, -ttt and -r prefixes, in strace's forms. */
#ifndef EPOLLTRACE_OUTPUT_TIMESTAMP_H
#define EPOLLTRACE_OUTPUT_TIMESTAMP_H

#include <stdbool.h>
#include <time.h>

#include "util/strbuf.h"

struct timestamp_style {
	unsigned int absolute;	/* 0 none, 1 HH:MM:SS, 2 with µs, 3 seconds since the epoch */
	bool relative;		/* time since the previous line's start */
	struct timespec previous;
};

/* Appends "10:42:07.123456 " and/or "(+     0.000123) " for a line starting now. */
void timestamp_print(struct strbuf *out, struct timestamp_style *style);

#endif
