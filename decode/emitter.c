#include <stdio.h>
#include <stdlib.h>

#include "decode/emitter.h"

void emit_init(struct emitter *em, const struct emitter_ops *ops, struct strbuf *out)
{
	*em = (struct emitter) { .ops = ops, .out = out, .depth = 1 };
	em->levels[0] = (struct emit_level) { .kind = EMIT_ARGS };
}

struct emit_level *emit_top(struct emitter *em)
{
	return &em->levels[em->depth - 1];
}

/* A decoder nesting deeper, or closing more than it opened, is a bug. */
static _Noreturn void nesting_bug(const char *what)
{
	fprintf(stderr, "epolltrace: internal error: emitter %s\n", what);
	abort();
}

void emit_push(struct emitter *em, enum emit_kind kind)
{
	if (em->depth == EMIT_DEPTH_MAX)
		nesting_bug("nested too deep");
	em->levels[em->depth++] = (struct emit_level) { .kind = kind };
}

struct emit_level emit_pop(struct emitter *em)
{
	if (em->depth <= 1)
		nesting_bug("closed more than it opened");
	em->named = false;
	return em->levels[--em->depth];
}

bool emit_next_item(struct emitter *em)
{
	if (em->named) {
		em->named = false;
		return false;
	}
	return emit_top(em)->items++ > 0;
}

void emit_int_field(struct emitter *em, const char *name, int64_t v)
{
	emit_field(em, name);
	emit_int(em, v);
}

void emit_uint_field(struct emitter *em, const char *name, uint64_t v)
{
	emit_field(em, name);
	emit_uint(em, v);
}

void emit_string_field(struct emitter *em, const char *name, const char *s)
{
	emit_field(em, name);
	emit_string(em, s);
}

struct emit_mark emit_save(const struct emitter *em)
{
	struct emit_mark mark = { .state = *em, .out_len = em->out->len };
	if (em->names) {
		mark.names_len = em->names->text.len;
		mark.names_n = em->names->n;
	}
	return mark;
}

void emit_restore(struct emitter *em, const struct emit_mark *mark)
{
	*em = mark->state;
	sb_truncate(em->out, mark->out_len);
	if (em->names) {
		sb_truncate(&em->names->text, mark->names_len);
		em->names->n = mark->names_n;
	}
}

void emit_names_reset(struct emit_names *names)
{
	sb_reset(&names->text);
	names->n = 0;
}

void emit_names_free(struct emit_names *names)
{
	sb_free(&names->text);
	free(names->fds);
	*names = (struct emit_names) { .text = STRBUF_INIT };
}
