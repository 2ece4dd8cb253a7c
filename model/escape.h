/* Text from /proc that names files may hold any byte but NUL. */
#ifndef EPOLLTRACE_MODEL_ESCAPE_H
#define EPOLLTRACE_MODEL_ESCAPE_H

#include "decode/strbuf.h"

/*
 * Appends s with control characters as \xNN and '\' as "\\", so that a
 * file name cannot break a line of output or pass for other text.
 */
void print_escaped(struct strbuf *out, const char *s);

#endif
