#include <string.h>

#include "fdname/fd_kind.h"
#include "util/escape.h"
#include "util/text_scan.h"

#define EPOLL_LINK "anon_inode:[eventpoll]"

/* Anonymous-inode files whose link is always the same: their short names. */
static const struct {
	const char *link;
	const char *kind;
} anon_kinds[] = {
	{ "anon_inode:[eventfd]", "eventfd" },
	{ "anon_inode:[timerfd]", "timerfd" },
	{ "anon_inode:[signalfd]", "signalfd" },
	{ EPOLL_LINK, "epoll" },
};

bool fd_link_socket_ino(const char *link, uint64_t *ino)
{
	const char *p = link;
	uint64_t v;
	if (!scan_word(&p, "socket:[") || !scan_num(&p, 10, UINT64_MAX, &v) ||
	    strcmp(p, "]") != 0)
		return false;
	*ino = v;
	return true;
}

bool fd_link_is_epoll(const char *link)
{
	return strcmp(link, EPOLL_LINK) == 0;
}

static const char *anon_kind(const char *link)
{
	for (size_t i = 0; i < sizeof(anon_kinds) / sizeof(anon_kinds[0]); i++)
		if (strcmp(link, anon_kinds[i].link) == 0)
			return anon_kinds[i].kind;
	return NULL;
}

void fd_kind_describe(struct strbuf *out, const char *link,
		      const struct sock_table *socks)
{
	uint64_t ino;
	const struct sock_entry *sock;
	const char *kind = anon_kind(link);
	if (kind)
		sb_puts(out, kind);
	else if (socks && fd_link_socket_ino(link, &ino) &&
		 (sock = sock_table_find(socks, ino)))
		sock_entry_describe(out, sock);
	else
		print_escaped(out, link);
}
