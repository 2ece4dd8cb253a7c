/* The lines of a stack trace, in strace -k's form. */
#ifndef EPOLLTRACE_STACK_FRAME_LINES_H
#define EPOLLTRACE_STACK_FRAME_LINES_H

#include <stdint.h>

#include "util/strbuf.h"

/*
 * " > /path(func+0x19) [0x1829]", or " > /path() [0x1829]" when no function
 * is known: file_off is where the frame's address lies in the file.
 */
void frame_line(struct strbuf *out, const char *path, const char *func, uint64_t func_off,
		uint64_t file_off);
/* " > what [0xADDR]": a frame that lies in no file, where the walk stops. */
void frame_line_lost(struct strbuf *out, const char *what, uint64_t addr);
/* " > (no stack trace: why)": none could be taken for this call. */
void frame_line_none(struct strbuf *out, const char *why);

#endif
