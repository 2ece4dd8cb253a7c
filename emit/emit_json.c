#include <inttypes.h>
#include <stdlib.h>

#include "emit/emit_json.h"
#include "util/json_string.h"
#include "util/xalloc.h"

static void begin_item(struct emitter *em)
{
	if (emit_next_item(em))
		sb_putc(em->out, ',');
}

static void json_open(struct emitter *em, enum emit_kind kind, bool complement)
{
	(void) complement;
	begin_item(em);
	emit_push(em, kind);
	sb_putc(em->out, kind == EMIT_ARGS || kind == EMIT_STRUCT ? '{' : '[');
}

static void json_close(struct emitter *em)
{
	struct emit_level level = emit_pop(em);
	sb_putc(em->out, level.kind == EMIT_ARGS || level.kind == EMIT_STRUCT ? '}' : ']');
}

static void json_field(struct emitter *em, const char *name)
{
	begin_item(em);
	json_quote(em->out, name);
	sb_putc(em->out, ':');
	em->named = true;
}

static void json_int(struct emitter *em, int64_t v)
{
	begin_item(em);
	sb_put_int(em->out, v);
}

static void json_uint(struct emitter *em, uint64_t v)
{
	begin_item(em);
	sb_put_uint(em->out, v);
}

/* Always "0x", also for 0, so that every such value has one form. */
static void json_hex(struct emitter *em, uint64_t v)
{
	begin_item(em);
	sb_printf(em->out, "\"0x%" PRIx64 "\"", v);
}

static void json_string(struct emitter *em, const char *s)
{
	begin_item(em);
	json_quote(em->out, s);
}

static void json_unnamed(struct emitter *em, uint64_t v, const char *dflt)
{
	(void) dflt;
	json_hex(em, v);
}

static void json_null(struct emitter *em)
{
	begin_item(em);
	sb_puts(em->out, "null");
}

static void json_addr(struct emitter *em, uint64_t addr)
{
	if (addr)
		json_hex(em, addr);
	else
		json_null(em);
}

static void json_boolean(struct emitter *em, bool v)
{
	begin_item(em);
	sb_puts(em->out, v ? "true" : "false");
}

static void json_fixed(struct emitter *em, int64_t scaled, unsigned int digits)
{
	begin_item(em);
	uint64_t unit = 1;
	for (unsigned int i = 0; i < digits; i++)
		unit *= 10;
	uint64_t mag = scaled < 0 ? 0 - (uint64_t) scaled : (uint64_t) scaled;
	sb_printf(em->out, "%s%" PRIu64, scaled < 0 ? "-" : "", mag / unit);
	if (digits)
		sb_printf(em->out, ".%0*" PRIu64, (int) digits, mag % unit);
}

static void json_comment(struct emitter *em, const char *text)
{
	(void) em;
	(void) text;
}

/* Only text abbreviates arrays; should a decoder still cut one, it says so. */
static void json_truncated(struct emitter *em, uint64_t unreadable)
{
	(void) unreadable;
	json_string(em, "...");
}

static bool named_already(const struct emit_names *names, int fd)
{
	for (size_t i = 0; i < names->n; i++)
		if (names->fds[i] == fd)
			return true;
	return false;
}

static void json_fd_name(struct emitter *em, int fd, const char *name, bool deleted)
{
	struct emit_names *names = em->names;
	if (!names || named_already(names, fd))
		return;
	names->fds = grow_array(names->fds, &names->cap, names->n, sizeof(*names->fds));
	names->fds[names->n++] = fd;
	if (names->text.len)
		sb_putc(&names->text, ',');
	sb_printf(&names->text, "\"%d\":", fd);
	if (!deleted) {
		json_quote(&names->text, name);
		return;
	}
	/* The kernel's own form of an unlinked file's path. */
	static struct strbuf kernel_form = STRBUF_INIT;
	sb_reset(&kernel_form);
	sb_printf(&kernel_form, "%s (deleted)", name);
	json_quote(&names->text, sb_str(&kernel_form));
}

static void json_result(struct emitter *em, const struct emit_result *r)
{
	json_field(em, "ret");
	if (r->has_value)
		json_int(em, r->value);
	else
		json_null(em);
	json_field(em, "errno");
	if (r->error)
		json_string(em, r->error);
	else
		json_null(em);
}

static const struct emitter_ops json_ops = {
	.open = json_open,
	.close = json_close,
	.field = json_field,
	.int_value = json_int,
	.uint_value = json_uint,
	.hex = json_hex,
	.symbol = json_string,
	.unnamed = json_unnamed,
	.addr = json_addr,
	.null = json_null,
	.string = json_string,
	.boolean = json_boolean,
	.fixed = json_fixed,
	.comment = json_comment,
	.truncated = json_truncated,
	.fd_name = json_fd_name,
	.result = json_result,
};

void emitter_json_init(struct emitter *em, struct strbuf *out, struct emit_names *names)
{
	emit_init(em, &json_ops, out);
	em->names = names;
}

void emit_json_fd_names(struct emitter *em)
{
	if (!em->names || !em->names->n)
		return;
	json_field(em, "fd_names");
	begin_item(em);
	sb_putc(em->out, '{');
	sb_puts(em->out, sb_str(&em->names->text));
	sb_putc(em->out, '}');
}
