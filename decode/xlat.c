#include <string.h>
#include <strings.h>
#include <inttypes.h>

#include "decode/xlat.h"

const char *xlat_lookup(const struct xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->entries[i].val == val)
			return x->entries[i].name;
	return NULL;
}

static void print_hex(struct strbuf *out, uint64_t val)
{
	sb_printf(out, "%#" PRIx64, val);
}

static void print_comment(struct strbuf *out, const char *text)
{
	sb_printf(out, " /* %s */", text);
}

void print_xlat_name(struct strbuf *out, const char *name, uint64_t val,
		     const char *dflt)
{
	if (name) {
		sb_puts(out, name);
		return;
	}
	print_hex(out, val);
	if (dflt)
		print_comment(out, dflt);
}

void print_xval(struct strbuf *out, const struct xlat *x, uint64_t val,
		const char *dflt)
{
	print_xlat_name(out, xlat_lookup(x, val), val, dflt);
}

void print_flags(struct strbuf *out, const struct xlat *x, uint64_t flags,
		 const char *dflt)
{
	unsigned int named = 0;

	for (size_t i = 0; flags && i < x->n; i++) {
		uint64_t bits = x->entries[i].val;
		if (!bits || (flags & bits) != bits)
			continue;
		if (named++)
			sb_putc(out, '|');
		sb_puts(out, x->entries[i].name);
		flags &= ~bits;
	}
	if (named) {
		if (flags) {
			sb_putc(out, '|');
			print_hex(out, flags);
		}
	} else if (flags) {
		print_hex(out, flags);
		print_comment(out, dflt);
	} else {
		sb_putc(out, '0');
	}
}

const struct xlat_entry *xlat_find_name(const struct xlat *x, const char *prefix,
					const char *name)
{
	size_t plen = strlen(prefix);
	for (size_t i = 0; i < x->n; i++) {
		const char *n = x->entries[i].name;
		if (strncasecmp(n, prefix, plen) == 0 && strcasecmp(n + plen, name) == 0)
			return &x->entries[i];
	}
	return NULL;
}
