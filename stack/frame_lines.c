#include <inttypes.h>

#include "stack/frame_lines.h"

void frame_line(struct strbuf *out, const char *path, const char *func, uint64_t func_off,
		uint64_t file_off)
{
	if (func)
		sb_printf(out, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]\n", path, func, func_off,
			  file_off);
	else
		sb_printf(out, " > %s() [0x%" PRIx64 "]\n", path, file_off);
}

void frame_line_lost(struct strbuf *out, const char *what, uint64_t addr)
{
	sb_printf(out, " > %s [0x%" PRIx64 "]\n", what, addr);
}

void frame_line_none(struct strbuf *out, const char *why)
{
	sb_printf(out, " > (no stack trace: %s)\n", why);
}
