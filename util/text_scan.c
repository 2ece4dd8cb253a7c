#include <string.h>

#include "util/text_scan.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_word_end(char c)
{
	return c == '\0' || c == '\n' || is_blank(c);
}

static int digit_value(char c, unsigned int base)
{
	int v = -1;
	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return v >= 0 && (unsigned int) v < base ? v : -1;
}

void scan_blanks(const char **p)
{
	while (is_blank(**p))
		(*p)++;
}

bool scan_num(const char **p, unsigned int base, uint64_t max, uint64_t *val)
{
	const char *s = *p;
	scan_blanks(&s);
	uint64_t v = 0;
	const char *start = s;
	for (int d; (d = digit_value(*s, base)) >= 0; s++) {
		if (v > (max - (uint64_t) d) / base)
			return false;
		v = v * base + (uint64_t) d;
	}
	if (s == start)
		return false;
	*val = v;
	*p = s;
	return true;
}

bool scan_hex_digits(const char **p, unsigned int n, uint64_t *val)
{
	const char *s = *p;
	uint64_t v = 0;
	for (unsigned int i = 0; i < n; i++, s++) {
		int d = digit_value(*s, 16);
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t) d;
	}
	*val = v;
	*p = s;
	return true;
}

bool scan_word(const char **p, const char *word)
{
	const char *s = *p;
	scan_blanks(&s);
	size_t n = strlen(word);
	if (strncmp(s, word, n) != 0)
		return false;
	*p = s + n;
	return true;
}

bool scan_key_num(const char **p, const char *key, unsigned int base,
		  uint64_t max, uint64_t *val)
{
	const char *s = *p;
	if (!scan_word(&s, key) || !scan_num(&s, base, max, val))
		return false;
	*p = s;
	return true;
}

bool scan_skip_word(const char **p)
{
	const char *s = *p;
	scan_blanks(&s);
	if (is_word_end(*s))
		return false;
	while (!is_word_end(*s))
		s++;
	*p = s;
	return true;
}

bool scan_at_eol(const char **p)
{
	scan_blanks(p);
	return **p == '\n' || **p == '\0';
}
