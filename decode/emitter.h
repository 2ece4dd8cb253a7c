/*
 * What a decoder finds, said once for every output format.  A decoder
 * calls these operations in the order the values appear; an emitter turns
 * them into strace's text (emit_text.h) or into JSON (emit_json.h).  So
 * each syscall keeps one decoder, whatever the format.
 */
#ifndef EPOLLTRACE_DECODE_EMITTER_H
#define EPOLLTRACE_DECODE_EMITTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/* What holds the values being emitted. */
enum emit_kind {
	EMIT_ARGS,	/* a call's arguments: by position in text, by name in JSON */
	EMIT_STRUCT,	/* {name=value, ...} */
	EMIT_ARRAY,	/* [value, ...] */
	EMIT_SET,	/* a set of names: [HUP USR1] */
	EMIT_FLAGS,	/* flag names: EPOLLIN|EPOLLET */
};

/* A call's result, decoded; the format decides how it reads. */
struct emit_result {
	bool has_value;		/* false for the kernel's restart codes: "= ?" */
	int64_t value;		/* the result, or -1 for an error */
	const char *error;	/* the errno's name, NULL on success */
	const char *message;	/* its description */
};

/* The fds a call named (-y), for a format that lists them apart (JSON). */
struct emit_names {
	struct strbuf text;	/* the list's members, already in the format */
	int *fds;		/* each named once */
	size_t n, cap;
};

/* -X: how a named constant is written in text (strace's styles). */
enum const_style {
	CONST_ABBREV,	/* its name: EPOLL_CTL_ADD */
	CONST_RAW,	/* its value, and no comments at all: 0x1 */
	CONST_VERBOSE,	/* both: 0x1, then the name in a comment */
};

struct emitter;

struct emitter_ops {
	/* complement: a set given by what it leaves out (only if terse_sets). */
	void (*open)(struct emitter *em, enum emit_kind kind, bool complement);
	void (*close)(struct emitter *em);
	/* The name of the next value: a struct's field or a call's argument. */
	void (*field)(struct emitter *em, const char *name);
	void (*int_value)(struct emitter *em, int64_t v);
	void (*uint_value)(struct emitter *em, uint64_t v);
	/* A bit pattern, such as a data word: "0x7", and "0" in text. */
	void (*hex)(struct emitter *em, uint64_t v);
	/* A constant's name. */
	void (*symbol)(struct emitter *em, const char *name);
	/* A value without a name; text comments it with dflt when it stands alone. */
	void (*unnamed)(struct emitter *em, uint64_t v, const char *dflt);
	/* A pointer shown as such: NULL, or its address. */
	void (*addr)(struct emitter *em, uint64_t addr);
	void (*null)(struct emitter *em);
	void (*string)(struct emitter *em, const char *s);
	void (*boolean)(struct emitter *em, bool v);
	/* scaled / 10^digits with that many decimals: a time, a percentage. */
	void (*fixed)(struct emitter *em, int64_t scaled, unsigned int digits);
	/* A remark on the value before it, which only text shows. */
	void (*comment)(struct emitter *em, const char *text);
	/* An array shown in part: "...", or where reading it stopped (nonzero). */
	void (*truncated)(struct emitter *em, uint64_t unreadable);
	/* What fd names (-y), for the fd or data word emitted just before. */
	/* deleted: the file is unlinked, which text shows after the brackets. */
	void (*fd_name)(struct emitter *em, int fd, const char *name, bool deleted);
	void (*result)(struct emitter *em, const struct emit_result *r);
};

/* Nesting deeper than any value the decoders show. */
#define EMIT_DEPTH_MAX 12

struct emit_level {
	enum emit_kind kind;
	unsigned int items;	/* values (or names) emitted in it so far */
};

struct emitter {
	const struct emitter_ops *ops;
	struct strbuf *out;
	/*
	 * What the format wants, which decoders ask where strace abbreviates:
	 * text caps arrays at -s elements and shows a partly readable one up
	 * to where it stops; it writes signal sets as strace does (names
	 * without SIG, or the complement when shorter); it shows arguments the
	 * kernel ignores.  JSON does none of this.
	 */
	bool abbreviates_arrays;
	bool terse_sets;
	bool shows_ignored;
	enum const_style const_style;	/* text's -X; JSON names constants */
	/* The syntax's state, shared by the implementations. */
	unsigned int depth;
	struct emit_level levels[EMIT_DEPTH_MAX];
	bool named;		/* a name was just emitted: its value follows */
	struct emit_names *names;	/* NULL: fd names go inline */
};

/* Where an emitter was, to go back there. */
struct emit_mark {
	struct emitter state;
	size_t out_len;
	size_t names_len, names_n;
};

static inline void emit_struct_begin(struct emitter *em) { em->ops->open(em, EMIT_STRUCT, false); }
static inline void emit_struct_end(struct emitter *em) { em->ops->close(em); }
static inline void emit_args_begin(struct emitter *em) { em->ops->open(em, EMIT_ARGS, false); }
static inline void emit_args_end(struct emitter *em) { em->ops->close(em); }
static inline void emit_array_begin(struct emitter *em) { em->ops->open(em, EMIT_ARRAY, false); }
static inline void emit_array_end(struct emitter *em) { em->ops->close(em); }
static inline void emit_set_begin(struct emitter *em, bool complement)
{
	em->ops->open(em, EMIT_SET, complement);
}
static inline void emit_set_end(struct emitter *em) { em->ops->close(em); }
static inline void emit_flags_begin(struct emitter *em) { em->ops->open(em, EMIT_FLAGS, false); }
static inline void emit_flags_end(struct emitter *em) { em->ops->close(em); }
static inline void emit_field(struct emitter *em, const char *name) { em->ops->field(em, name); }
/* A call's argument: named in JSON; text shows only its place. */
static inline void emit_arg(struct emitter *em, const char *name) { em->ops->field(em, name); }
static inline void emit_int(struct emitter *em, int64_t v) { em->ops->int_value(em, v); }
static inline void emit_uint(struct emitter *em, uint64_t v) { em->ops->uint_value(em, v); }
static inline void emit_hex(struct emitter *em, uint64_t v) { em->ops->hex(em, v); }
static inline void emit_symbol(struct emitter *em, const char *name) { em->ops->symbol(em, name); }
static inline void emit_unnamed(struct emitter *em, uint64_t v, const char *dflt)
{
	em->ops->unnamed(em, v, dflt);
}
static inline void emit_addr(struct emitter *em, uint64_t addr) { em->ops->addr(em, addr); }
static inline void emit_null(struct emitter *em) { em->ops->null(em); }
static inline void emit_string(struct emitter *em, const char *s) { em->ops->string(em, s); }
static inline void emit_bool(struct emitter *em, bool v) { em->ops->boolean(em, v); }
static inline void emit_fixed(struct emitter *em, int64_t scaled, unsigned int digits)
{
	em->ops->fixed(em, scaled, digits);
}
/* Nanoseconds as seconds with microseconds, as strace's times. */
static inline void emit_seconds(struct emitter *em, int64_t ns) { em->ops->fixed(em, ns / 1000, 6); }
static inline void emit_comment(struct emitter *em, const char *text) { em->ops->comment(em, text); }
static inline void emit_truncated(struct emitter *em, uint64_t unreadable)
{
	em->ops->truncated(em, unreadable);
}
static inline void emit_result(struct emitter *em, const struct emit_result *r)
{
	em->ops->result(em, r);
}

/* A named field and its value, for the many objects made of them. */
void emit_int_field(struct emitter *em, const char *name, int64_t v);
void emit_uint_field(struct emitter *em, const char *name, uint64_t v);
void emit_string_field(struct emitter *em, const char *name, const char *s);

/*
 * A mark before a value that may have to be taken back (an array found
 * unreadable half way), and taking it back.
 */
struct emit_mark emit_save(const struct emitter *em);
void emit_restore(struct emitter *em, const struct emit_mark *mark);

/* For the implementations: opens level kind, inside the current one. */
void emit_push(struct emitter *em, enum emit_kind kind);
/* Closes the innermost level and returns it. */
struct emit_level emit_pop(struct emitter *em);
struct emit_level *emit_top(struct emitter *em);
/*
 * Starts the next item of the innermost level: true when another came
 * before it (a separator is due), false for its first or right after its
 * name.
 */
bool emit_next_item(struct emitter *em);
/* Sets up the shared state: one level of arguments, nothing emitted. */
void emit_init(struct emitter *em, const struct emitter_ops *ops, struct strbuf *out);

void emit_names_reset(struct emit_names *names);
void emit_names_free(struct emit_names *names);

#endif
