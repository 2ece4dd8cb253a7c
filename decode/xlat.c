#include <inttypes.h>
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
	if (!name) {
		emit_unnamed(em, val, em->const_style == CONST_RAW ? NULL : dflt);
	} else if (em->const_style == CONST_ABBREV) {
		emit_symbol(em, name);
	} else {
		emit_unnamed(em, val, NULL);
		if (em->const_style == CONST_VERBOSE)
			emit_comment(em, name);
	}
}

void emit_xval(struct emitter *em, const struct xlat *x, uint64_t val, const char *dflt)
{
	emit_xlat_name(em, xlat_lookup(x, val), val, dflt);
}

/* -X raw and verbose: the flags as one number, then (verbose) their names as a comment. */
static void emit_flags_value(struct emitter *em, const struct xlat *x, uint64_t flags,
			     const char *dflt)
{
	emit_unnamed(em, flags, NULL);
	if (em->const_style != CONST_VERBOSE || !flags)
		return;
	struct strbuf names = STRBUF_INIT;
	uint64_t rest = flags;
	for (size_t i = 0; rest && i < x->n; i++) {
		uint64_t bits = x->entries[i].val;
		if (!bits || (rest & bits) != bits)
			continue;
		sb_printf(&names, "%s%s", names.len ? "|" : "", x->entries[i].name);
		rest &= ~bits;
	}
	if (rest && names.len)
		sb_printf(&names, "|%#" PRIx64, rest);
	else if (rest && dflt)
		sb_puts(&names, dflt);
	if (names.len)
		emit_comment(em, sb_str(&names));
	sb_free(&names);
}

void emit_flags(struct emitter *em, const struct xlat *x, uint64_t flags, const char *dflt)
{
	if (em->const_style != CONST_ABBREV) {
		emit_flags_value(em, x, flags, dflt);
		return;
	}
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
