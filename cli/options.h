#ifndef EPOLLTRACE_CLI_OPTIONS_H
#define EPOLLTRACE_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "decode/call_filter.h"
#include "decode/decoder.h"

/* -z, -Z: which calls by their outcome. */
enum call_outcome { OUTCOME_ANY, OUTCOME_SUCCESS, OUTCOME_FAILURE };

struct options {
	const char *outfile;		/* -o */
	unsigned int acolumn;		/* -a */
	unsigned int max_elems;		/* -s */
	bool verbose;			/* -v */
	unsigned int quiet;		/* -q, -qq, -qqq */
	unsigned int spin_usec;		/* --spin */
	unsigned int timestamps;	/* -t, -tt, -ttt */
	bool relative_timestamps;	/* -r */
	bool syscall_times;		/* -T */
	enum call_outcome outcome;	/* -z, -Z */
	struct call_filter filter;	/* --epfd, --fd, --op */
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
