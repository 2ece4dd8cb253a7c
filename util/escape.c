#include "util/escape.h"

void print_escaped(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char) *s;
		if (c < 0x20 || c == 0x7f)
			sb_printf(out, "\\x%02x", c);
		else if (c == '\\')
			sb_puts(out, "\\\\");
		else
			sb_putc(out, (char) c);
	}
}
