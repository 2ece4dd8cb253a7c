#include "app/trap_rules.h"
#include "tests/bench/command_filter.h"
#include "trace/seccomp_filter.h"

int command_filter(uint32_t action, struct bpf_program *filter)
{
	struct trap_rules rules = { .count = 0 };
	trap_rules_add_syscalls(&rules, NULL, true);
	return seccomp_filter_build(rules.rules, rules.count, action, filter);
}
