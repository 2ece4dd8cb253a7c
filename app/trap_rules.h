#ifndef EPOLLTRACE_APP_TRAP_RULES_H
#define EPOLLTRACE_APP_TRAP_RULES_H

#include <stdbool.h>

#include "decode/decoder.h"
#include "trace/engine.h"

/* The engine's trap rules: which calls stop a started command. */
struct trap_rules {
	struct trap_rule rules[32];
	size_t count;
};

void trap_rules_add(struct trap_rules *r, struct trap_rule rule);
/*
 * The rules for the decoded syscalls traced[] selects (indexed as
 * syscall_descs[]), or for all of them when every is true.
 */
void trap_rules_add_syscalls(struct trap_rules *r, const bool *traced, bool every);

#endif
