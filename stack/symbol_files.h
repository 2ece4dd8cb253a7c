/*
 * Every file's symbol table, read once for all the tasks that map it: the
 * reading is what costs, and a library is mapped by nearly every process.
 */
#ifndef EPOLLTRACE_STACK_SYMBOL_FILES_H
#define EPOLLTRACE_STACK_SYMBOL_FILES_H

#include <stddef.h>
#include <stdint.h>

struct symbol_file;

struct symbol_files {
	struct symbol_file *v;
	size_t count, cap;
};

/*
 * The symbols of the file at path with that inode (a file replaced on disk
 * is another file), loaded on first use; NULL when it has none we can read.
 */
const struct elf_symbols *symbol_files_get(struct symbol_files *files, const char *path,
					   uint64_t inode);
void symbol_files_free(struct symbol_files *files);

#endif
