#include <stdlib.h>

#include "app/trap_rules.h"

void trap_rules_add(struct trap_rules *r, struct trap_rule rule)
{
	if (r->count >= sizeof(r->rules) / sizeof(r->rules[0]))
		abort();
	r->rules[r->count++] = rule;
}

void trap_rules_add_syscalls(struct trap_rules *r, const bool *traced, bool every)
{
	for (size_t i = 0; i < nsyscall_descs; i++) {
		const struct syscall_desc *d = syscall_descs[i];
		if (!every && !traced[i])
			continue;
		if (d->ntrap_args == 0)
			trap_rules_add(r, (struct trap_rule) { .name = d->name });
		for (size_t j = 0; j < d->ntrap_args; j++)
			trap_rules_add(r, (struct trap_rule) {
				.name = d->name,
				.match_arg = true,
				.arg = d->trap_args[j].index,
				.mask = d->trap_args[j].mask,
				.value = d->trap_args[j].value,
			});
	}
}
