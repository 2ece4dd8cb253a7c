#ifndef EPOLLTRACE_CLI_TRAP_RULES_H
#define EPOLLTRACE_CLI_TRAP_RULES_H

#include "cli/options.h"
#include "trace/engine.h"

/* The engine's trap rules for the syscalls the options select. */
struct trap_rules {
	struct trap_rule rules[32];
	size_t count;
};

void trap_rules_build(struct trap_rules *r, const struct options *opts);
void trap_rules_add(struct trap_rules *r, struct trap_rule rule);

#endif
