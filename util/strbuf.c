#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

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

/* Digits come out least significant first, so they fill the buffer from its end. */
static void put_digits(struct strbuf *sb, const char *prefix, uint64_t v, unsigned base)
{
	char digits[24];
	char *p = digits + sizeof(digits);
	do {
		*--p = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	size_t plen = strlen(prefix), n = (size_t) (digits + sizeof(digits) - p);
	sb_grow(sb, plen + n);
	memcpy(sb->s + sb->len, prefix, plen);
	memcpy(sb->s + sb->len + plen, p, n);
	sb->len += plen + n;
	sb->s[sb->len] = '\0';
}

void sb_put_uint(struct strbuf *sb, uint64_t v)
{
	put_digits(sb, "", v, 10);
}

void sb_put_int(struct strbuf *sb, int64_t v)
{
	/* The magnitude in unsigned arithmetic, which INT64_MIN also has. */
	put_digits(sb, v < 0 ? "-" : "", v < 0 ? -(uint64_t) v : (uint64_t) v, 10);
}

void sb_put_hex(struct strbuf *sb, uint64_t v)
{
	/* As %#x: no prefix on 0. */
	put_digits(sb, v ? "0x" : "", v, 16);
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
