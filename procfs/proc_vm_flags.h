/*
 * The kernel's flags of a process's mappings ("VmFlags:" in
 * /proc/PID/smaps) and whether its pages are in memory (/proc/PID/pagemap).
 */
#ifndef EPOLLTRACE_PROCFS_PROC_VM_FLAGS_H
#define EPOLLTRACE_PROCFS_PROC_VM_FLAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Whether a mapping that overlaps [start, end) has one of the two-letter
 * flags in flags (a string of them, space-separated: "um ui"); false when
 * /proc/TID/smaps cannot be read.  start == end asks of any mapping.
 */
bool proc_vm_flags_any(pid_t tid, uint64_t start, uint64_t end, const char *flags);
/* The same of the text of an smaps file (for the unit tests too). */
bool vm_flags_any_in(const char *smaps, uint64_t start, uint64_t end, const char *flags);

/*
 * Whether every page of [addr, addr + len) is in memory or in swap, so
 * that reading it needs no page filled by anyone; false when unknown.
 */
bool proc_pages_resident(pid_t tid, uint64_t addr, size_t len);

#endif
