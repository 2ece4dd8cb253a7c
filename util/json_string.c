#include <stdbool.h>

#include "util/json_string.h"

static bool continuation(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/*
 * The length of the valid UTF-8 sequence at s, or 0.  Overlong forms,
 * surrogates and code points above U+10FFFF are not valid (RFC 3629).
 */
static int utf8_length(const unsigned char *s)
{
	unsigned char c = s[0];
	int len;
	unsigned char lo = 0x80, hi = 0xbf;	/* the second byte's range */
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (int i = 2; i < len; i++)
		if (!continuation(s[i]))
			return 0;
	return len;
}

static void escape_byte(struct strbuf *out, unsigned char c)
{
	switch (c) {
	case '"': sb_puts(out, "\\\""); break;
	case '\\': sb_puts(out, "\\\\"); break;
	case '\b': sb_puts(out, "\\b"); break;
	case '\f': sb_puts(out, "\\f"); break;
	case '\n': sb_puts(out, "\\n"); break;
	case '\r': sb_puts(out, "\\r"); break;
	case '\t': sb_puts(out, "\\t"); break;
	default: sb_printf(out, "\\u%04x", c); break;
	}
}

void json_quote(struct strbuf *out, const char *str)
{
	const unsigned char *s = (const unsigned char *) str;
	sb_putc(out, '"');
	while (*s) {
		unsigned char c = *s;
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			sb_putc(out, (char) c);
			s++;
			continue;
		}
		int len = c >= 0x80 ? utf8_length(s) : 0;
		if (len) {
			for (int i = 0; i < len; i++)
				sb_putc(out, (char) s[i]);
			s += len;
		} else {
			escape_byte(out, c);
			s++;
		}
	}
	sb_putc(out, '"');
}
