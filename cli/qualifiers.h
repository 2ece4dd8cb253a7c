/* strace's -e QUALIFIER=VALUE expressions, and the long options that are the same. */
#ifndef EPOLLTRACE_CLI_QUALIFIERS_H
#define EPOLLTRACE_CLI_QUALIFIERS_H

#include <stdbool.h>

#include "app/options.h"

/* What the command line said beyond the settings, for the checks at its end. */
struct qualifiers_seen {
	bool quiet;		/* -e quiet= or --quiet: -q may not be given too */
};

/* -e EXPR: QUALIFIER=VALUE, or a list of calls as trace= takes it. */
void qualify(struct options *o, const char *expr, struct qualifiers_seen *seen);

/* Each qualifier's VALUE, which its long option takes too. */
void qualify_trace(struct options *o, const char *list, struct qualifiers_seen *seen);
void qualify_quiet(struct options *o, const char *list, struct qualifiers_seen *seen);
void qualify_signals(struct options *o, const char *list, struct qualifiers_seen *seen);
void qualify_status(struct options *o, const char *list, struct qualifiers_seen *seen);
void qualify_decode_fds(struct options *o, const char *list, struct qualifiers_seen *seen);
/* inject=SET:TOKENS and fault=SET:TOKENS (cli/inject_qualifier.c). */
void qualify_inject(struct options *o, const char *value, struct qualifiers_seen *seen);
void qualify_fault(struct options *o, const char *value, struct qualifiers_seen *seen);

/* [!]NAME[,NAME...] or all, as strace's trace= reads it, into set; what names the qualifier. */
void parse_syscall_set(const char *expr, bool set[NSYSCALL_DECODERS], const char *what);
/* A signal by number (1 to 64) or by name, with or without SIG; exits on anything else. */
int parse_signal(const char *item);

/* -q, -qq, -qqq as the notices they leave out. */
unsigned int quiet_of_count(unsigned int count);

#endif
