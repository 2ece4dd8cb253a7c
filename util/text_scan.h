/*
 * Strict scanning of the kernel's /proc text, one line at a time: a
 * cursor moves over a line and every step says whether the text was as
 * expected, so a malformed or truncated line is skipped, never half-used.
 */
#ifndef EPOLLTRACE_UTIL_TEXT_SCAN_H
#define EPOLLTRACE_UTIL_TEXT_SCAN_H

#include <stdbool.h>
#include <stdint.h>

/* Skips spaces and tabs (never a newline). */
void scan_blanks(const char **p);

/*
 * After blanks, an unsigned number of at least one digit in base 10 or 16
 * that fits in max; p is moved past it only on success.
 */
bool scan_num(const char **p, unsigned int base, uint64_t max, uint64_t *val);

/* Exactly n (at most 16) hex digits, no blanks before them. */
bool scan_hex_digits(const char **p, unsigned int n, uint64_t *val);

/* After blanks, the exact text word (e.g. "tfd:"). */
bool scan_word(const char **p, const char *word);

/* scan_word(key) then scan_num. */
bool scan_key_num(const char **p, const char *key, unsigned int base,
		  uint64_t max, uint64_t *val);

/* After blanks, one word of non-blank characters, whatever it says. */
bool scan_skip_word(const char **p);

/* The character after blanks is the end of the line or of the text. */
bool scan_at_eol(const char **p);

#endif
