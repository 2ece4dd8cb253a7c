#include <stdlib.h>

#include "cli/trap_rules.h"

static void add(struct trap_rules *r, struct trap_rule rule)
{
	if (r->count >= sizeof(r->rules) / sizeof(r->rules[0]))
		abort();
	r->rules[r->count++] = rule;
}

void trap_rules_build(struct trap_rules *r, const struct options *opts)
{
	r->count = 0;
	for (size_t i = 0; i < nsyscall_descs; i++) {
		const struct syscall_desc *d = syscall_descs[i];
		if (!opts->traced[i])
			continue;
		if (d->ntrap_args == 0)
			add(r, (struct trap_rule) { .name = d->name });
		for (size_t j = 0; j < d->ntrap_args; j++)
			add(r, (struct trap_rule) {
				.name = d->name,
				.match_arg = true,
				.arg = d->trap_args[j].index,
				.mask = d->trap_args[j].mask,
				.value = d->trap_args[j].value,
			});
	}
}
