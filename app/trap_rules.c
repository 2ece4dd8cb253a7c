#include <stdlib.h>

#include "app/trap_rules.h"
#include "arch/abi.h"

void trap_rules_add(struct trap_rules *r, struct trap_rule rule)
{
	if (r->count >= sizeof(r->rules) / sizeof(r->rules[0]))
		abort();
	r->rules[r->count++] = rule;
}

/* The largest struct epoll_event of the ABIs a call may come from. */
static unsigned short epoll_event_size(void)
{
	unsigned int a = abi_x86_64.epoll_event_size, b = abi_i386.epoll_event_size;
	return (unsigned short) (a > b ? a : b);
}

/*
 * What the decoders and the model read of a call's memory, for a backend
 * that copies it with the call (the eBPF one): a ctl's event, a wait's
 * timespec and signal mask at entry, a wait's returned events at exit.
 */
static struct trap_rule rule_of(const struct syscall_desc *d)
{
	const struct epoll_roles *roles = &d->roles;
	struct trap_rule rule = { .name = d->name, .blocks = roles->events_result };
	if (roles->event != NO_ARG)
		rule.entry_copy[0] = (struct copied_arg) {
			true, (unsigned char) roles->event, epoll_event_size() };
	if (roles->timeout == TIMEOUT_TIMESPEC)
		rule.entry_copy[0] = (struct copied_arg) {
			true, (unsigned char) roles->timeout_arg, 2 * sizeof(int64_t) };
	/* The kernel takes only its own sigset_t's size, 8 bytes on x86. */
	if (roles->sigmask != NO_ARG)
		rule.entry_copy[1] = (struct copied_arg) {
			true, (unsigned char) roles->sigmask, sizeof(uint64_t) };
	if (roles->events_result)
		rule.exit_copy = (struct copied_arg) {
			true, (unsigned char) roles->events, epoll_event_size() };
	return rule;
}

void trap_rules_add_syscalls(struct trap_rules *r, const bool *traced, bool every)
{
	for (size_t i = 0; i < nsyscall_descs; i++) {
		const struct syscall_desc *d = syscall_descs[i];
		if (!every && !traced[i])
			continue;
		struct trap_rule rule = rule_of(d);
		if (d->ntrap_args == 0)
			trap_rules_add(r, rule);
		for (size_t j = 0; j < d->ntrap_args; j++) {
			rule.match_arg = true;
			rule.arg = d->trap_args[j].index;
			rule.mask = d->trap_args[j].mask;
			rule.value = d->trap_args[j].value;
			trap_rules_add(r, rule);
		}
	}
}
