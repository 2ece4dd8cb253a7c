/* Text from /proc that names files may hold any byte but NUL. */
#ifndef EPOLLTRACE_UTIL_ESCAPE_H
#define EPOLLTRACE_UTIL_ESCAPE_H

#include "util/strbuf.h"

/*
 * Appends s as strace 7.x prints a path in angle brackets (-y): quoted as
 * strace_quote_bytes does, '<' and '>' too, so that a file name can
 * neither end its brackets nor send a control sequence to a terminal.
 */
void print_escaped(struct strbuf *out, const char *s);

#endif
