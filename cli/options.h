#ifndef EPOLLTRACE_CLI_OPTIONS_H
#define EPOLLTRACE_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "decode/decoder.h"

struct options {
	const char *outfile;		/* -o */
	unsigned int acolumn;		/* -a */
	unsigned int max_elems;		/* -s */
	bool verbose;			/* -v */
	unsigned int quiet;		/* -q, -qq, -qqq */
	unsigned int spin_usec;		/* --spin */
	/* -e trace=: which of syscall_descs[] are printed. */
	bool traced[16];
	char **command;			/* NULL with -p */
	/* -p, as given: each a PID list "12,34" still to be checked. */
	const char **pid_lists;
	size_t npid_lists;
};

/* Parses argv; prints a message and exits on a usage error, -h and -V. */
void options_parse(struct options *o, int argc, char **argv);

#endif
