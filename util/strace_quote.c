#include <stdbool.h>
#include <string.h>

#include "util/strace_quote.h"

static char escape_letter(unsigned char c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\v': return 'v';
	case '\f': return 'f';
	case '\r': return 'r';
	case '"': return '"';
	case '\\': return '\\';
	default: return 0;
	}
}

static bool is_octal_digit(unsigned char c)
{
	return c >= '0' && c <= '7';
}

void strace_quote_bytes(struct strbuf *out, const unsigned char *s, size_t len,
			const char *also_escaped)
{
	for (size_t i = 0; i < len && s[i]; i++) {
		unsigned char c = s[i];
		char letter = escape_letter(c);
		if (letter) {
			sb_putc(out, '\\');
			sb_putc(out, letter);
		} else if (c >= ' ' && c < 0x7f && !(also_escaped && strchr(also_escaped, c))) {
			sb_putc(out, (char) c);
		} else if (i + 1 < len && is_octal_digit(s[i + 1])) {
			/* All three digits, or the next character would read as a fourth. */
			sb_printf(out, "\\%03o", c);
		} else {
			sb_printf(out, "\\%o", c);
		}
	}
}

void print_strace_quoted(struct strbuf *out, const unsigned char *s, size_t len)
{
	sb_putc(out, '"');
	strace_quote_bytes(out, s, len, NULL);
	sb_putc(out, '"');
}
