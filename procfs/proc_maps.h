/*
 * The code a process has mapped from files, from /proc/PID/maps: where a
 * return address lies, in which file and at which offset in it.
 */
#ifndef EPOLLTRACE_PROCFS_PROC_MAPS_H
#define EPOLLTRACE_PROCFS_PROC_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct elf_symbols;

struct code_mapping {
	uint64_t start, end;	/* [start, end) in the process */
	uint64_t offset;	/* of start in the file */
	uint64_t inode;
	/* As the kernel shows it; NULL for code from no file (JIT, [vdso]). */
	char *path;
	/* The file's symbols, found the first time a frame lies here. */
	const struct elf_symbols *symbols;
	bool symbols_looked_up;
};

/* Sorted by address, as the kernel lists them. */
struct proc_maps {
	struct code_mapping *v;
	size_t count;
	bool valid;		/* read since the last proc_maps_clear */
};

/*
 * Replaces m with tid's executable mappings; false, with m empty, when
 * /proc/TID/maps cannot be read.
 */
bool proc_maps_read(struct proc_maps *m, pid_t tid);
/* Parses the text of a maps file into m (for the unit tests too). */
void proc_maps_parse(struct proc_maps *m, const char *text);
/* The mapping holding addr, or NULL. */
struct code_mapping *proc_maps_find(const struct proc_maps *m, uint64_t addr);
void proc_maps_clear(struct proc_maps *m);

#endif
