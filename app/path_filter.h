/*
 * -P PATH (--trace-path): only the calls on an fd that names one of the
 * paths, as strace matches them: epoll_ctl by the fd it registers, the
 * waits and ioctl by their epoll fd, the creates never (they take no fd).
 */
#ifndef EPOLLTRACE_APP_PATH_FILTER_H
#define EPOLLTRACE_APP_PATH_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "decode/decoder.h"

struct path_filter {
	const char **paths;	/* as given, and each one's real path where it differs */
	size_t n;		/* 0: no filter */
	size_t room;
};

/*
 * Adds path and, when it differs, its real path, which is returned (else
 * NULL) so that the caller can say what it was resolved into.
 */
const char *path_filter_add(struct path_filter *pf, const char *path);

/* Whether call, made by task tid, is on an fd naming one of the paths. */
bool path_filter_match(const struct path_filter *pf, pid_t tid, const struct syscall_call *call);

#endif
