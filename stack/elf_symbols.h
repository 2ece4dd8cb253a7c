/*
 * A 64-bit ELF file's function symbols (.symtab and .dynsym), read once
 * and sorted, to name the function a return address lies in.  Names are
 * found as libunwind's unw_get_proc_name finds them for strace: the
 * nearest function that starts at or before the address, sizes ignored.
 */
#ifndef EPOLLTRACE_STACK_ELF_SYMBOLS_H
#define EPOLLTRACE_STACK_ELF_SYMBOLS_H

#include <stdbool.h>
#include <stdint.h>

struct elf_symbols;

/* NULL when path is not a readable 64-bit ELF file. */
struct elf_symbols *elf_symbols_load(const char *path);
void elf_symbols_free(struct elf_symbols *syms);

/*
 * The function holding the byte at offset file_off of the file (as mapped
 * by a loadable segment): its name and file_off's distance from its start;
 * false when no function precedes it.
 */
bool elf_symbols_lookup(const struct elf_symbols *syms, uint64_t file_off,
			const char **name, uint64_t *distance);

#endif
