#include <stdlib.h>
#include <string.h>

#include "stack/elf_symbols.h"
#include "stack/symbol_files.h"
#include "util/xalloc.h"

struct symbol_file {
	char *path;
	uint64_t inode;
	struct elf_symbols *symbols;	/* NULL: unreadable, and not tried again */
};

/*
 * A list, searched only when a task's maps are (re)read and a frame first
 * lands in a mapping: a process maps tens of files, not thousands.
 */
const struct elf_symbols *symbol_files_get(struct symbol_files *files, const char *path,
					   uint64_t inode)
{
	for (size_t i = 0; i < files->count; i++)
		if (files->v[i].inode == inode && strcmp(files->v[i].path, path) == 0)
			return files->v[i].symbols;
	files->v = grow_array(files->v, &files->cap, files->count, sizeof(*files->v));
	struct symbol_file *f = &files->v[files->count++];
	*f = (struct symbol_file) {
		.path = xstrndup(path, strlen(path)),
		.inode = inode,
		.symbols = elf_symbols_load(path),
	};
	return f->symbols;
}

void symbol_files_free(struct symbol_files *files)
{
	for (size_t i = 0; i < files->count; i++) {
		free(files->v[i].path);
		elf_symbols_free(files->v[i].symbols);
	}
	free(files->v);
	*files = (struct symbol_files) { 0 };
}
