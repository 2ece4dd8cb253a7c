/* JSON string literals from any bytes. */
#ifndef EPOLLTRACE_UTIL_JSON_STRING_H
#define EPOLLTRACE_UTIL_JSON_STRING_H

#include "util/strbuf.h"

/*
 * Appends s as a JSON string, quotes included.  '"' and '\' are escaped,
 * control characters and DEL too (\n, \t, ..., else \u00XX), so that a
 * line stays one line.  Valid UTF-8 is kept as it is; a byte that is not
 * part of valid UTF-8 (file names may hold any byte) becomes \u00XX, the
 * code point of the same number, so that every line is valid UTF-8 and
 * parses, at the cost of not telling such a byte from that character.
 */
void json_quote(struct strbuf *out, const char *s);

#endif
