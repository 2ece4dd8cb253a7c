#include <string.h>

#include "decode/syscall_descs.h"

#define SYSCALL_DESC_ENTRY(name, decoder) &decoder##_desc,
const struct syscall_desc *const syscall_descs[] = { SYSCALL_DECODERS(SYSCALL_DESC_ENTRY) };

const size_t nsyscall_descs = sizeof(syscall_descs) / sizeof(syscall_descs[0]);
/* What -e trace= selects is an array of NSYSCALL_DECODERS (options.h). */
_Static_assert(sizeof(syscall_descs) / sizeof(syscall_descs[0]) == NSYSCALL_DECODERS,
	       "one descriptor per decoded row of arch/syscalls.csv");

int syscall_desc_index(const char *name)
{
	for (size_t i = 0; i < nsyscall_descs; i++)
		if (strcmp(syscall_descs[i]->name, name) == 0)
			return (int) i;
	return -1;
}

const struct syscall_desc *syscall_desc_by_name(const char *name)
{
	int i = syscall_desc_index(name);
	return i < 0 ? NULL : syscall_descs[i];
}

void syscall_args_load(uint64_t args[6], const struct syscall_desc *desc,
		       const struct abi *abi, const uint64_t regs[6])
{
	uint64_t word_mask = abi->word_size == 8 ? UINT64_MAX : UINT32_MAX;
	for (int i = 0; i < 6; i++) {
		bool is_int = desc && (desc->int_args & INT_ARG(i));
		args[i] = regs[i] & (is_int ? UINT32_MAX : word_mask);
	}
}

bool syscall_call_wanted(const struct syscall_call *call)
{
	const struct syscall_desc *desc = call->desc;
	if (!desc->ntrap_args)
		return true;
	for (size_t i = 0; i < desc->ntrap_args; i++) {
		const struct trap_arg *ta = &desc->trap_args[i];
		if ((call->args[ta->index] & ta->mask) == ta->value)
			return true;
	}
	return false;
}
