#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output/colour.h"

static const char *const role_escapes[] = {
	[COLOUR_ERROR] = "\033[31m",		/* red */
	[COLOUR_SIGNAL] = "\033[33m",		/* yellow */
	[COLOUR_EXIT] = "\033[1m",		/* bold */
};

static const struct { const char *name; enum colour_when when; } when_names[] = {
	{ "auto", COLOUR_AUTO },
	{ "always", COLOUR_ALWAYS },
	{ "yes", COLOUR_ALWAYS },
	{ "never", COLOUR_NEVER },
	{ "no", COLOUR_NEVER },
};

int colour_when_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(when_names) / sizeof(when_names[0]); i++)
		if (strcmp(when_names[i].name, name) == 0)
			return (int) when_names[i].when;
	return -1;
}

bool colour_wanted(enum colour_when when, FILE *out)
{
	if (when != COLOUR_AUTO)
		return when == COLOUR_ALWAYS;
	const char *no_colour = getenv("NO_COLOR");
	return (!no_colour || !*no_colour) && isatty(fileno(out));
}

void colour_start(struct strbuf *out, bool enabled, enum colour_role role)
{
	if (enabled)
		sb_puts(out, role_escapes[role]);
}

void colour_end(struct strbuf *out, bool enabled)
{
	if (enabled)
		sb_puts(out, "\033[0m");
}
