#include "fdname/fd_kind.h"
#include "fdname/fd_namer.h"

void fd_namer_init(struct fd_namer *namer, pid_t pid)
{
	*namer = (struct fd_namer) { .pid = pid };
}

void fd_namer_describe(struct fd_namer *namer, struct strbuf *out, const char *link)
{
	uint64_t ino;
	if (!namer->socks_read && fd_link_socket_ino(link, &ino)) {
		sock_table_read(&namer->socks, namer->pid);
		namer->socks_read = true;
	}
	fd_kind_describe(out, link, &namer->socks);
}

void fd_namer_free(struct fd_namer *namer)
{
	sock_table_free(&namer->socks);
}
