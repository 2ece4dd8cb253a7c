/* Text from /proc that names files may hold any byte but NUL. */
#ifndef EPOLLTRACE_UTIL_ESCAPE_H
#define EPOLLTRACE_UTIL_ESCAPE_H

#include "util/strbuf.h"

/*
 * Appends s with control characters as \xNN and '\' as "\\", so that a
 * file name cannot break a line of output or pass for other text.
 */
void print_escaped(struct strbuf *out, const char *s);

#endif
