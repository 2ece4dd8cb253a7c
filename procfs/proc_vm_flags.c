#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs/proc_text.h"
#include "procfs/proc_vm_flags.h"

bool proc_vm_flags_any(pid_t tid, uint64_t start, uint64_t end, const char *flags)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/smaps", (int) tid);
	struct strbuf text = STRBUF_INIT;
	bool any = proc_text_read(path, &text) && vm_flags_any_in(sb_str(&text), start, end, flags);
	sb_free(&text);
	return any;
}

/* Whether the word of n letters at w is one of the space-separated list. */
static bool listed(const char *w, size_t n, const char *list)
{
	for (const char *l = list + strspn(list, " "); *l; l += strspn(l, " ")) {
		size_t m = strcspn(l, " ");
		if (m == n && memcmp(l, w, n) == 0)
			return true;
		l += m;
	}
	return false;
}

/* Whether the rest of a "VmFlags:" line holds a flag of the list. */
static bool line_has(const char *p, const char *list)
{
	for (p += strspn(p, " "); *p && *p != '\n'; p += strspn(p, " ")) {
		size_t n = strcspn(p, " \n");
		if (listed(p, n, list))
			return true;
		p += n;
	}
	return false;
}

/*
 * A mapping's first line, "lo-hi perms offset dev inode path", gives its
 * range.  Not sscanf: glibc's measures the whole rest of the text at each
 * line, which makes reading a large process's smaps quadratic.
 */
static bool mapping_range(const char *line, uint64_t *lo, uint64_t *hi)
{
	char *end;
	if (!isxdigit((unsigned char) line[0]))
		return false;
	*lo = strtoull(line, &end, 16);
	if (*end != '-' || !isxdigit((unsigned char) end[1]))
		return false;
	*hi = strtoull(end + 1, &end, 16);
	return *end == ' ';
}

bool vm_flags_any_in(const char *smaps, uint64_t start, uint64_t end, const char *flags)
{
	bool overlaps = false;
	for (const char *line = smaps; *line; ) {
		uint64_t lo, hi;
		if (mapping_range(line, &lo, &hi))
			overlaps = start == end || (lo < end && start < hi);
		else if (overlaps && strncmp(line, "VmFlags:", 8) == 0 && line_has(line + 8, flags))
			return true;
		const char *next = strchr(line, '\n');
		if (!next)
			break;
		line = next + 1;
	}
	return false;
}

/* pagemap's entry of a page: bit 63, present; bit 62, swapped. */
#define PAGE_IN_MEMORY (UINT64_C(1) << 63)
#define PAGE_IN_SWAP (UINT64_C(1) << 62)

bool proc_pages_resident(pid_t tid, uint64_t addr, size_t len)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/pagemap", (int) tid);
	int fd = len ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		return len == 0;
	uint64_t page = (uint64_t) sysconf(_SC_PAGESIZE);
	bool resident = true;
	for (uint64_t p = addr / page; resident && p <= (addr + len - 1) / page; p++) {
		uint64_t entry;
		resident = pread(fd, &entry, sizeof(entry), (off_t) (p * sizeof(entry))) ==
				   (ssize_t) sizeof(entry) &&
			   (entry & (PAGE_IN_MEMORY | PAGE_IN_SWAP));
	}
	close(fd);
	return resident;
}
