#include <stdlib.h>
#include <string.h>

#include "app/path_filter.h"
#include "fdname/fd_link.h"
#include "util/xalloc.h"

static bool has_path(const struct path_filter *pf, const char *path)
{
	for (size_t i = 0; i < pf->n; i++)
		if (strcmp(pf->paths[i], path) == 0)
			return true;
	return false;
}

static void store(struct path_filter *pf, const char *path)
{
	if (has_path(pf, path))
		return;
	pf->paths = grow_array(pf->paths, &pf->room, pf->n, sizeof(*pf->paths));
	pf->paths[pf->n++] = path;
}

const char *path_filter_add(struct path_filter *pf, const char *path)
{
	store(pf, path);
	char *real = realpath(path, NULL);
	if (!real || strcmp(real, path) == 0 || has_path(pf, real)) {
		free(real);
		return NULL;
	}
	store(pf, real);
	return real;
}

bool path_filter_match(const struct path_filter *pf, pid_t tid, const struct syscall_call *call)
{
	const struct epoll_roles *r = &call->desc->roles;
	/* strace looks at the fd epoll_ctl registers, never at its epoll fd. */
	int arg = r->fd != NO_ARG ? r->fd : r->epfd;
	if (arg == NO_ARG || r->epfd_result)
		return false;
	int fd = (int) call->args[arg];
	char target[PROC_FD_LINK_MAX];
	bool deleted;
	return fd >= 0 && fd_link_read(tid, fd, target, &deleted) && has_path(pf, target);
}
