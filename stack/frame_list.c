#include <stdlib.h>

#include "stack/frame_list.h"
#include "util/xalloc.h"

#define NO_NAME SIZE_MAX

struct frame_rec {
	size_t file_at, func_at, lost_at;
	uint64_t offset, address;
};

static size_t keep(struct frame_list *l, const char *s)
{
	if (!s)
		return NO_NAME;
	size_t at = l->text.len;
	sb_puts(&l->text, s);
	sb_putc(&l->text, '\0');
	return at;
}

static const char *name_at(const struct frame_list *l, size_t at)
{
	return at == NO_NAME ? NULL : l->text.s + at;
}

void frame_list_reset(struct frame_list *l)
{
	l->count = 0;
	sb_reset(&l->text);
	l->has_error = false;
	l->truncated = false;
}

void frame_list_free(struct frame_list *l)
{
	free(l->recs);
	free(l->view);
	sb_free(&l->text);
	*l = (struct frame_list) { .text = STRBUF_INIT };
}

static void add(struct frame_list *l, struct frame_rec rec)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->recs = xrealloc(l->recs, l->cap * sizeof(*l->recs));
	}
	l->recs[l->count++] = rec;
}

void frame_list_add(struct frame_list *l, const char *file, const char *func,
		    uint64_t func_off, uint64_t file_off)
{
	add(l, (struct frame_rec) { .file_at = keep(l, file), .func_at = keep(l, func),
				    .lost_at = NO_NAME, .offset = func_off,
				    .address = file_off });
}

void frame_list_lost(struct frame_list *l, const char *what, uint64_t addr)
{
	add(l, (struct frame_rec) { .file_at = NO_NAME, .func_at = NO_NAME,
				    .lost_at = keep(l, what), .address = addr });
}

void frame_list_none(struct frame_list *l, const char *why)
{
	l->error_at = keep(l, why);
	l->has_error = true;
}

const struct stack_frame *frame_list_frames(struct frame_list *l, size_t *count,
					    const char **error)
{
	if (l->count > l->view_cap) {
		l->view_cap = l->count;
		l->view = xrealloc(l->view, l->view_cap * sizeof(*l->view));
	}
	for (size_t i = 0; i < l->count; i++) {
		const struct frame_rec *r = &l->recs[i];
		l->view[i] = (struct stack_frame) {
			.file = name_at(l, r->file_at),
			.function = name_at(l, r->func_at),
			.offset = r->offset,
			.address = r->address,
			.lost = name_at(l, r->lost_at),
		};
	}
	*count = l->count;
	*error = l->has_error ? name_at(l, l->error_at) : NULL;
	return l->view;
}
