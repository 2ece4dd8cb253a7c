/* A growable text buffer: decoders append to one, the printer writes it out. */
#ifndef EPOLLTRACE_UTIL_STRBUF_H
#define EPOLLTRACE_UTIL_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_putc(struct strbuf *sb, char c);
void sb_puts(struct strbuf *sb, const char *str);
/* Numbers as printf's %llu, %lld and %#llx write them, without printf's cost per call. */
void sb_put_uint(struct strbuf *sb, uint64_t v);
void sb_put_int(struct strbuf *sb, int64_t v);
void sb_put_hex(struct strbuf *sb, uint64_t v);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Room for extra more bytes and the NUL, for a caller that read()s into s. */
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_reset(struct strbuf *sb);
/* Drops what was appended after the first len bytes. */
void sb_truncate(struct strbuf *sb, size_t len);
void sb_free(struct strbuf *sb);
/* Always NUL-terminated, also when empty. */
const char *sb_str(struct strbuf *sb);

#endif
