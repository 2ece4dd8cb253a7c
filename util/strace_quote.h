/* Byte strings in strace's quoted form: -yy's UNIX socket names, -y's paths. */
#ifndef EPOLLTRACE_UTIL_STRACE_QUOTE_H
#define EPOLLTRACE_UTIL_STRACE_QUOTE_H

#include <stddef.h>

#include "util/strbuf.h"

/*
 * Appends the first len bytes of s, or those before a NUL, as strace's
 * string_quote does without -x: '"' and '\' after a backslash, \t \n \v
 * \f \r, printable ASCII not in also_escaped (may be NULL) as it is, and
 * any other byte in octal, so no byte reaches a terminal as a control.
 */
void strace_quote_bytes(struct strbuf *out, const unsigned char *s, size_t len,
			const char *also_escaped);

/* The same between double quotes, with nothing else escaped. */
void print_strace_quoted(struct strbuf *out, const unsigned char *s, size_t len);

#endif
