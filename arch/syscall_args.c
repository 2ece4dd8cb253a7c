#include <string.h>

#include "arch/syscall_args.h"
#include "arch/syscall_numbers.h"

#define SYSCALL_ARGS_ROW(name, nargs) { #name, nargs },
static const struct {
	const char *name;
	int nargs;
} syscall_args[] = { SYSCALL_ARGS(SYSCALL_ARGS_ROW) };

int syscall_nargs(const char *name)
{
	for (size_t i = 0; i < sizeof(syscall_args) / sizeof(syscall_args[0]); i++)
		if (strcmp(syscall_args[i].name, name) == 0)
			return syscall_args[i].nargs;
	return -1;
}
