#include <inttypes.h>

#include "emit/emit_text.h"

static const char *const separators[] = {
	[EMIT_ARGS] = ", ",
	[EMIT_STRUCT] = ", ",
	[EMIT_ARRAY] = ", ",
	[EMIT_SET] = " ",
	[EMIT_FLAGS] = "|",
};

/* Returns whether a separator went before the item. */
static bool begin_item(struct emitter *em)
{
	if (!emit_next_item(em))
		return false;
	sb_puts(em->out, separators[emit_top(em)->kind]);
	return true;
}

static void text_open(struct emitter *em, enum emit_kind kind, bool complement)
{
	begin_item(em);
	emit_push(em, kind);
	switch (kind) {
	case EMIT_STRUCT: sb_putc(em->out, '{'); break;
	case EMIT_ARRAY: sb_putc(em->out, '['); break;
	case EMIT_SET: sb_puts(em->out, complement ? "~[" : "["); break;
	case EMIT_ARGS: case EMIT_FLAGS: break;
	}
}

static void text_close(struct emitter *em)
{
	struct emit_level level = emit_pop(em);
	switch (level.kind) {
	case EMIT_STRUCT: sb_putc(em->out, '}'); break;
	case EMIT_ARRAY: case EMIT_SET: sb_putc(em->out, ']'); break;
	/* strace's printflags shows no bits at all as 0. */
	case EMIT_FLAGS: if (!level.items) sb_putc(em->out, '0'); break;
	case EMIT_ARGS: break;
	}
}

/* Arguments show by position only; a struct's fields as name=value. */
static void text_field(struct emitter *em, const char *name)
{
	begin_item(em);
	if (emit_top(em)->kind == EMIT_STRUCT) {
		sb_puts(em->out, name);
		sb_putc(em->out, '=');
	}
	em->named = true;
}

static void text_int(struct emitter *em, int64_t v)
{
	begin_item(em);
	sb_put_int(em->out, v);
}

static void text_uint(struct emitter *em, uint64_t v)
{
	begin_item(em);
	sb_put_uint(em->out, v);
}

static void text_hex(struct emitter *em, uint64_t v)
{
	begin_item(em);
	sb_put_hex(em->out, v);
}

static void text_symbol(struct emitter *em, const char *name)
{
	begin_item(em);
	sb_puts(em->out, name);
}

static void text_comment(struct emitter *em, const char *text)
{
	/* -X raw: the numbers alone, as strace's. */
	if (em->const_style == CONST_RAW)
		return;
	sb_printf(em->out, " /* %s */", text);
}

/* After named flags, the unnamed rest needs no comment: the names say what it is. */
static void text_unnamed(struct emitter *em, uint64_t v, const char *dflt)
{
	bool after_names = begin_item(em) && emit_top(em)->kind == EMIT_FLAGS;
	sb_put_hex(em->out, v);
	if (dflt && !after_names)
		text_comment(em, dflt);
}

static void text_addr(struct emitter *em, uint64_t addr)
{
	begin_item(em);
	if (addr)
		sb_put_hex(em->out, addr);
	else
		sb_puts(em->out, "NULL");
}

static void text_null(struct emitter *em)
{
	begin_item(em);
	sb_puts(em->out, "NULL");
}

static void text_string(struct emitter *em, const char *s)
{
	begin_item(em);
	sb_puts(em->out, s);
}

static void text_boolean(struct emitter *em, bool v)
{
	begin_item(em);
	sb_puts(em->out, v ? "true" : "false");
}

static void text_fixed(struct emitter *em, int64_t scaled, unsigned int digits)
{
	begin_item(em);
	int64_t unit = 1;
	for (unsigned int i = 0; i < digits; i++)
		unit *= 10;
	const char *sign = scaled < 0 ? "-" : "";
	uint64_t mag = scaled < 0 ? 0 - (uint64_t) scaled : (uint64_t) scaled;
	sb_printf(em->out, "%s%" PRIu64, sign, mag / (uint64_t) unit);
	if (digits)
		sb_printf(em->out, ".%0*" PRIu64, (int) digits, mag % (uint64_t) unit);
}

static void text_truncated(struct emitter *em, uint64_t unreadable)
{
	begin_item(em);
	sb_puts(em->out, "...");
	if (unreadable)
		sb_printf(em->out, " /* %#" PRIx64 " */", unreadable);
}

static void text_fd_name(struct emitter *em, int fd, const char *name, bool deleted)
{
	(void) fd;
	sb_printf(em->out, "<%s>%s", name, deleted ? "(deleted)" : "");
}

/* strace's "= 4", "= -1 EEXIST (File exists)", "= ? ERESTARTSYS (To be restarted)". */
static void text_result(struct emitter *em, const struct emit_result *r)
{
	if (!r->error) {
		sb_puts(em->out, "= ");
		sb_put_int(em->out, r->value);
	} else if (!r->has_value) {
		sb_printf(em->out, "= ? %s (%s)", r->error, r->message);
	} else {
		sb_printf(em->out, "= %" PRId64 " %s (%s)", r->value, r->error, r->message);
	}
}

static const struct emitter_ops text_ops = {
	.open = text_open,
	.close = text_close,
	.field = text_field,
	.int_value = text_int,
	.uint_value = text_uint,
	.hex = text_hex,
	.symbol = text_symbol,
	.unnamed = text_unnamed,
	.addr = text_addr,
	.null = text_null,
	.string = text_string,
	.boolean = text_boolean,
	.fixed = text_fixed,
	.comment = text_comment,
	.truncated = text_truncated,
	.fd_name = text_fd_name,
	.result = text_result,
};

void emitter_text_init(struct emitter *em, struct strbuf *out)
{
	emit_init(em, &text_ops, out);
	em->abbreviates_arrays = true;
	em->terse_sets = true;
	em->shows_ignored = true;
}
