#include "app/trap_rules.h"
#include "tests/bench/command_filter.h"
#include "trace/seccomp_filter.h"

scmp_filter_ctx command_filter(uint32_t action, int *err)
{
	struct trap_rules rules = { .count = 0 };
	trap_rules_add_syscalls(&rules, NULL, true);
	return seccomp_filter_build(rules.rules, rules.count, action, err);
}
