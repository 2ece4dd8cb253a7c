#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/epoll_fdinfo.h"
#include "procfs/proc_text.h"
#include "util/text_scan.h"
#include "util/xalloc.h"

/* fs/eventpoll.c: EP_PRIVATE_BITS and EPOLLONESHOT. */
#define EP_PRIVATE_BITS 0xf0000000u
#define EP_ONESHOT 0x40000000u

/* "tfd: 7 events: 19 data: 7  pos:0 ino:117c5 sdev:9" */
static bool parse_reg(const char *p, struct epoll_reg *reg)
{
	uint64_t tfd, events, data;
	if (!scan_key_num(&p, "tfd:", 10, INT_MAX, &tfd) ||
	    !scan_key_num(&p, "events:", 16, UINT32_MAX, &events) ||
	    !scan_key_num(&p, "data:", 16, UINT64_MAX, &data))
		return false;
	*reg = (struct epoll_reg) {
		.tfd = (int) tfd, .events = (uint32_t) events, .data = data,
	};
	if (scan_at_eol(&p))
		return true;

	uint64_t ino, sdev;
	if (!scan_word(&p, "pos:") || !scan_skip_word(&p) ||
	    !scan_key_num(&p, "ino:", 16, UINT64_MAX, &ino) ||
	    !scan_key_num(&p, "sdev:", 16, UINT32_MAX, &sdev) ||
	    !scan_at_eol(&p))
		return false;
	reg->has_file_id = true;
	reg->ino = ino;
	reg->sdev = (uint32_t) sdev;
	return true;
}

static void add_reg(struct epoll_fdinfo *info, size_t *cap,
		    const struct epoll_reg *reg)
{
	info->regs = grow_array(info->regs, cap, info->nregs, sizeof(*reg));
	info->regs[info->nregs++] = *reg;
}

void epoll_fdinfo_parse(const char *text, struct epoll_fdinfo *info)
{
	size_t cap = 0;
	const char *nl;
	for (const char *line = text; (nl = strchr(line, '\n')); line = nl + 1) {
		const char *p = line;
		struct epoll_reg reg;
		uint64_t ino;
		if (strncmp(line, "tfd:", 4) == 0) {
			if (parse_reg(p, &reg))
				add_reg(info, &cap, &reg);
		} else if (scan_key_num(&p, "ino:", 10, UINT64_MAX, &ino) &&
			   scan_at_eol(&p)) {
			info->has_ino = true;
			info->ino = ino;
		}
	}
}

bool epoll_fdinfo_read(pid_t pid, int epfd, struct epoll_fdinfo *info)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int) pid, epfd);
	struct strbuf text = STRBUF_INIT;
	bool ok = proc_text_read(path, &text);
	if (ok)
		epoll_fdinfo_parse(sb_str(&text), info);
	sb_free(&text);
	return ok;
}

void epoll_fdinfo_free(struct epoll_fdinfo *info)
{
	free(info->regs);
	*info = (struct epoll_fdinfo) { 0 };
}

bool epoll_reg_disarmed(const struct epoll_reg *reg)
{
	return (reg->events & EP_ONESHOT) && !(reg->events & ~EP_PRIVATE_BITS);
}
