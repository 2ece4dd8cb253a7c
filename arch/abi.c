#include <string.h>

#include "arch/abi.h"

static const struct abi *const known_abis[] = {
	&abi_x86_64, &abi_i386, &abi_aarch64, &abi_riscv64,
};

const struct abi *abi_by_audit_arch(uint32_t audit_arch)
{
	for (size_t i = 0; i < sizeof(known_abis) / sizeof(known_abis[0]); i++)
		if (known_abis[i]->audit_arch == audit_arch)
			return known_abis[i];
	return NULL;
}

const char *abi_syscall_name(const struct abi *abi, unsigned long nr)
{
	return nr < abi->nnames_by_nr ? abi->names_by_nr[nr] : NULL;
}

const char *abi_named_syscall(const struct abi *abi, unsigned long nr)
{
	return nr < abi->nnamed_by_nr ? abi->named_by_nr[nr] : NULL;
}

const char *abi_multiplexed_name(const struct abi *abi, unsigned long nr, uint64_t arg0)
{
	for (size_t i = 0; i < abi->nmultiplexers; i++) {
		const struct abi_multiplexer *m = &abi->multiplexers[i];
		uint64_t which = arg0 & m->which;
		if (m->nr == nr)
			return which < m->ncalls ? m->calls[which] : NULL;
	}
	return NULL;
}

long abi_syscall_nr(const struct abi *abi, const char *name)
{
	for (size_t i = 0; i < abi->nsyscalls; i++)
		if (strcmp(abi->syscalls[i].name, name) == 0)
			return (long) abi->syscalls[i].nr;
	return -1;
}

const char *abi_mode_name(const struct abi *abi)
{
	return abi->word_size == 8 ? "64 bit" : "32 bit";
}
