/*
 * -y's names, kept per process and fd number while the trace can see
 * every call that ends an fd (under -p every call stops; with --diagnose
 * the ends are trapped): a name is then read once, not at every line.
 * Without that, no name is kept, since a number closed and reused unseen
 * would keep its old name.
 */
#ifndef EPOLLTRACE_FDNAME_FD_NAME_CACHE_H
#define EPOLLTRACE_FDNAME_FD_NAME_CACHE_H

#include <sys/types.h>

#include "util/u64_map.h"

struct fd_name_cache {
	struct u64_map names;	/* tgid << 32 | fd -> char * */
};

/* NULL when not kept. */
const char *fd_name_cache_get(const struct fd_name_cache *c, pid_t tgid, int fd);
void fd_name_cache_put(struct fd_name_cache *c, pid_t tgid, int fd, const char *name);
/* fds lo..hi of tgid were closed or replaced. */
void fd_name_cache_forget(struct fd_name_cache *c, pid_t tgid, unsigned int lo, unsigned int hi);
/* tgid exec'd (O_CLOEXEC fds are gone), its fds changed unseen, or it is gone. */
void fd_name_cache_forget_process(struct fd_name_cache *c, pid_t tgid);
void fd_name_cache_free(struct fd_name_cache *c);

#endif
