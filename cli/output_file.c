#include <stdio.h>

#include "cli/output_file.h"

/* Large writes: the printer flushes at line ends itself when it must. */
static char stderr_buffer[1 << 16];

FILE *output_open(const char *path)
{
	if (!path) {
		setvbuf(stderr, stderr_buffer, _IOFBF, sizeof(stderr_buffer));
		return stderr;
	}
	FILE *out = fopen(path, "we");
	if (out)
		setvbuf(out, NULL, _IOFBF, 1 << 16);
	return out;
}
