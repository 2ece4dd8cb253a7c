/* Byte strings in strace's quoted form, as -yy shows a UNIX socket's name. */
#ifndef EPOLLTRACE_UTIL_STRACE_QUOTE_H
#define EPOLLTRACE_UTIL_STRACE_QUOTE_H

#include <stddef.h>

#include "util/strbuf.h"

/*
 * Appends "..." holding the first len bytes of s, or those before a NUL:
 * '"' and '\' after a backslash, \t \n \v \f \r, printable ASCII as it is
 * and any other byte in octal.
 */
void print_strace_quoted(struct strbuf *out, const unsigned char *s, size_t len);

#endif
