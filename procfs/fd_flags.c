#include <stdio.h>
#include <string.h>

#include "procfs/fd_flags.h"
#include "procfs/proc_text.h"
#include "util/text_scan.h"

bool proc_fdinfo_num(pid_t pid, int fd, const char *key, unsigned int base, uint64_t *val)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int) pid, fd);
	struct strbuf text = STRBUF_INIT;
	bool found = false;
	if (proc_text_read(path, &text)) {
		for (const char *line = sb_str(&text); line && *line && !found;
		     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
			const char *p = line;
			found = scan_key_num(&p, key, base, UINT64_MAX, val);
		}
	}
	sb_free(&text);
	return found;
}

bool proc_fd_flags(pid_t pid, int fd, uint64_t *flags)
{
	return proc_fdinfo_num(pid, fd, "flags:", 8, flags);
}
