/*
 * The frames of one stack as data, beside strace's lines of them, for
 * output formats of their own (--json).
 */
#ifndef EPOLLTRACE_STACK_FRAME_LIST_H
#define EPOLLTRACE_STACK_FRAME_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

struct stack_frame {
	const char *file;	/* NULL for a frame in no file, where the walk stopped */
	const char *function;	/* NULL when unknown */
	uint64_t offset;	/* into function */
	uint64_t address;	/* where the frame lies in file; its address when in no file */
	const char *lost;	/* for a frame in no file: what went wrong */
};

struct frame_list {
	/* Names are kept as offsets into text, which may move as it grows. */
	struct frame_rec *recs;
	size_t count, cap;
	struct strbuf text;
	bool has_error;
	size_t error_at;	/* why there is no stack, when has_error */
	bool truncated;		/* deeper than the frames kept */
	struct stack_frame *view;	/* what frame_list_frames handed out */
	size_t view_cap;
};

void frame_list_reset(struct frame_list *l);
void frame_list_free(struct frame_list *l);
/* func may be NULL (unknown). */
void frame_list_add(struct frame_list *l, const char *file, const char *func,
		    uint64_t func_off, uint64_t file_off);
void frame_list_lost(struct frame_list *l, const char *what, uint64_t addr);
void frame_list_none(struct frame_list *l, const char *why);

/* The frames (valid until the list changes) and their count; *error is NULL or why none. */
const struct stack_frame *frame_list_frames(struct frame_list *l, size_t *count,
					    const char **error);

#endif
