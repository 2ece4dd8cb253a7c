#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/tap.h"

static unsigned int checks;

void tap_is(const char *got, const char *expected, const char *what, ...)
{
	bool ok = strcmp(got, expected) == 0;
	va_list ap;
	va_start(ap, what);
	printf("%s %u - ", ok ? "ok" : "not ok", ++checks);
	vprintf(what, ap);
	putchar('\n');
	va_end(ap);
	if (!ok)
		printf("# expected: %s\n# got:      %s\n", expected, got);
}

void tap_skip(const char *why)
{
	printf("ok %u # SKIP %s\n", ++checks, why);
}

int tap_done(void)
{
	printf("1..%u\n", checks);
	return 0;
}
