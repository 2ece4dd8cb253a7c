#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "procfs/proc_text.h"

/* /proc files report size 0, so read in chunks until EOF. */
#define CHUNK 65536

bool proc_text_read(const char *path, struct strbuf *out)
{
	sb_reset(out);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;

	for (;;) {
		sb_reserve(out, CHUNK);
		ssize_t got = read(fd, out->s + out->len, CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int err = errno;
			close(fd);
			sb_reset(out);
			errno = err;
			return false;
		}
		if (got == 0)
			break;
		out->len += (size_t) got;
	}
	close(fd);
	out->s[out->len] = '\0';
	return true;
}
