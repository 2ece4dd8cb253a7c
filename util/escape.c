#include <string.h>

#include "util/escape.h"
#include "util/strace_quote.h"

void print_escaped(struct strbuf *out, const char *s)
{
	strace_quote_bytes(out, (const unsigned char *) s, strlen(s), "<>");
}
