/*
 * Connects the engine to the decoders and the printer: what each stop
 * prints.
 */
#ifndef EPOLLTRACE_CLI_SESSION_H
#define EPOLLTRACE_CLI_SESSION_H

#include "cli/options.h"
#include "cli/printer.h"
#include "decode/decoder.h"
#include "trace/engine.h"

struct session {
	const struct options *opts;
	struct decode_opts decode_opts;
	struct printer printer;
	struct engine *engine;
	/* -p: the tracees are let go, not killed, when we are done. */
	bool attaching;
	/* strace gives a new task the ABI of the last one that changed. */
	const struct abi *last_abi;
};

void session_init(struct session *s, const struct options *opts, FILE *out);
void session_free(struct session *s);
struct engine_hooks session_hooks(struct session *s);
/* The epoll instances pid had before we came: their interest lists. */
void session_print_interest_lists(struct session *s, pid_t pid);

#endif
