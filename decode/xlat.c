#include <string.h>
#include <strings.h>

#include "decode/xlat.h"

const char *xlat_lookup(const struct xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->entries[i].val == val)
			return x->entries[i].name;
	return NULL;
}

void emit_xlat_name(struct emitter *em, const char *name, uint64_t val, const char *dflt)
{
	if (name)
		emit_symbol(em, name);
	else
		emit_unnamed(em, val, dflt);
}

void emit_xval(struct emitter *em, const struct xlat *x, uint64_t val, const char *dflt)
{
	emit_xlat_name(em, xlat_lookup(x, val), val, dflt);
}

void emit_flags(struct emitter *em, const struct xlat *x, uint64_t flags, const char *dflt)
{
	emit_flags_begin(em);
	for (size_t i = 0; flags && i < x->n; i++) {
		uint64_t bits = x->entries[i].val;
		if (!bits || (flags & bits) != bits)
			continue;
		emit_symbol(em, x->entries[i].name);
		flags &= ~bits;
	}
	if (flags)
		emit_unnamed(em, flags, dflt);
	emit_flags_end(em);
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
