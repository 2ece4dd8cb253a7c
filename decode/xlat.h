/*
 * Tables of named constants, and the two ways strace prints a value
 * against one: as a set of flag bits or as a single value.
 */
#ifndef EPOLLTRACE_DECODE_XLAT_H
#define EPOLLTRACE_DECODE_XLAT_H

#include <stddef.h>
#include <stdint.h>

#include "decode/emitter.h"
#include "util/strbuf.h"

struct xlat_entry {
	uint64_t val;
	const char *name;
};

struct xlat {
	const struct xlat_entry *entries;
	size_t n;
};

#define XLAT_OF(array) { (array), sizeof(array) / sizeof((array)[0]) }

/* NULL when val has no name in x. */
const char *xlat_lookup(const struct xlat *x, uint64_t val);

/*
 * The entry named prefix + name, ignoring case ("EPOLL_CTL_" + "add"), or
 * NULL when there is none.
 */
const struct xlat_entry *xlat_find_name(const struct xlat *x, const char *prefix,
					const char *name);

/*
 * Emits name, or val unnamed (in text: in hex followed by the comment
 * dflt, which a NULL dflt leaves out) when name is NULL.
 */
void emit_xlat_name(struct emitter *em, const char *name, uint64_t val, const char *dflt);

/* The name of val, or val unnamed with dflt, as strace's printxval. */
void emit_xval(struct emitter *em, const struct xlat *x, uint64_t val, const char *dflt);

/*
 * As strace's printflags: the names of the bits of flags found in x, in
 * x's order (text joins them by '|'), then the bits without a name as one
 * unnamed remainder (text comments it with dflt when no bit had a name);
 * in text "0" for no bits at all, in JSON an empty list.
 */
void emit_flags(struct emitter *em, const struct xlat *x, uint64_t flags, const char *dflt);

#endif
