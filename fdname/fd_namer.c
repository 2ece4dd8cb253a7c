#include <stdio.h>
#include <sys/xattr.h>

#include "fdname/fd_kind.h"
#include "fdname/fd_namer.h"

void fd_namer_init(struct fd_namer *namer, pid_t pid)
{
	*namer = (struct fd_namer) { .pid = pid };
}

/*
 * The table of the socket's protocol only, which the kernel names in the
 * fd's xattr: /proc/PID/net/tcp and tcp6 walk every TCP socket of the
 * machine (a few ms at each attach, where sockets wait in TIME_WAIT), for
 * a program whose registered sockets may all be UNIX ones.  Where the
 * kernel does not say, or names a protocol of no table, every table.
 */
static void read_table_of(struct fd_namer *namer, int fd)
{
	char path[64], label[32];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int) namer->pid, fd);
	ssize_t n = getxattr(path, "system.sockprotoname", label, sizeof(label) - 1);
	int only = -1;
	if (n > 0) {
		label[n] = '\0';
		only = sock_proto_by_label(label);
	}
	for (int proto = 0; proto < SOCK_PROTO_COUNT; proto++) {
		if (namer->socks_read[proto] || (only >= 0 && proto != only))
			continue;
		sock_table_read(&namer->socks, namer->pid, (enum sock_proto) proto);
		namer->socks_read[proto] = true;
	}
}

void fd_namer_describe(struct fd_namer *namer, struct strbuf *out, int fd, const char *link)
{
	uint64_t ino;
	if (fd_link_socket_ino(link, &ino))
		read_table_of(namer, fd);
	fd_kind_describe(out, link, &namer->socks);
}

void fd_namer_free(struct fd_namer *namer)
{
	sock_table_free(&namer->socks);
}
