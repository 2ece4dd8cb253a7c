/*
 * Tables of named constants, and the two ways strace prints a value
 * against one: as a set of flag bits or as a single value.
 */
#ifndef EPOLLTRACE_DECODE_XLAT_H
#define EPOLLTRACE_DECODE_XLAT_H

#include <stddef.h>
#include <stdint.h>

#include "decode/strbuf.h"

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
 * Prints name, or val in hex followed by the comment dflt when name is
 * NULL; a NULL dflt leaves the bare hex value.
 */
void print_xlat_name(struct strbuf *out, const char *name, uint64_t val,
		     const char *dflt);

/* The name of val, or val in hex commented with dflt, as strace's printxval. */
void print_xval(struct strbuf *out, const struct xlat *x, uint64_t val,
		const char *dflt);

/*
 * As strace's printflags: the names of the bits of flags found in x, in
 * x's order, joined by '|'; bits without a name as one hex remainder, which
 * is commented with dflt when no bit had a name; "0" for no bits at all.
 */
void print_flags(struct strbuf *out, const struct xlat *x, uint64_t flags,
		 const char *dflt);

#endif
