#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/strbuf.h"

/* A tracer that cannot allocate a line cannot go on usefully. */
static void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 128;
	while (cap < need)
		cap *= 2;
	char *s = realloc(sb->s, cap);
	if (!s) {
		fputs("epolltrace: out of memory\n", stderr);
		abort();
	}
	sb->s = s;
	sb->cap = cap;
}

void sb_reserve(struct strbuf *sb, size_t extra)
{
	sb_grow(sb, extra);
}

void sb_putc(struct strbuf *sb, char c)
{
	sb_grow(sb, 1);
	sb->s[sb->len++] = c;
	sb->s[sb->len] = '\0';
}

void sb_puts(struct strbuf *sb, const char *str)
{
	size_t n = strlen(str);
	sb_grow(sb, n);
	memcpy(sb->s + sb->len, str, n + 1);
	sb->len += n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[128];
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_grow(sb, (size_t) n);
	if ((size_t) n < sizeof(small)) {
		memcpy(sb->s + sb->len, small, (size_t) n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(sb->s + sb->len, (size_t) n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t) n;
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

const char *sb_str(struct strbuf *sb)
{
	sb_grow(sb, 0);
	sb->s[sb->len] = '\0';
	return sb->s;
}

void sb_truncate(struct strbuf *sb, size_t len)
{
	if (len >= sb->len)
		return;
	sb->len = len;
	sb->s[len] = '\0';
}
