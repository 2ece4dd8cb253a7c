#include <inttypes.h>
#include <stdio.h>

#include "output/timestamp.h"

static void print_absolute(struct strbuf *out, unsigned int level)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	long usec = now.tv_nsec / 1000;
	if (level > 2) {
		sb_printf(out, "%lld.%06ld ", (long long) now.tv_sec, usec);
		return;
	}
	struct tm tm;
	char hms[16];
	if (localtime_r(&now.tv_sec, &tm))
		strftime(hms, sizeof(hms), "%T", &tm);
	else
		snprintf(hms, sizeof(hms), "%lld", (long long) now.tv_sec);
	if (level > 1)
		sb_printf(out, "%s.%06ld ", hms, usec);
	else
		sb_printf(out, "%s ", hms);
}

static void print_relative(struct strbuf *out, struct timestamp_style *style)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (style->previous.tv_sec == 0 && style->previous.tv_nsec == 0)
		style->previous = now;
	int64_t ns = (int64_t) (now.tv_sec - style->previous.tv_sec) * 1000000000 +
		     (now.tv_nsec - style->previous.tv_nsec);
	style->previous = now;
	/* Next to an absolute time, strace puts the delta in "(+...)". */
	sb_printf(out, "%s%6" PRId64 ".%06" PRId64 "%s ", style->absolute ? "(+" : "",
		  ns / 1000000000, ns % 1000000000 / 1000, style->absolute ? ")" : "");
}

void timestamp_print(struct strbuf *out, struct timestamp_style *style)
{
	if (style->absolute)
		print_absolute(out, style->absolute);
	if (style->relative)
		print_relative(out, style);
}
