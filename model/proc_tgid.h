/* Which process a thread belongs to, from /proc. */
#ifndef EPOLLTRACE_MODEL_PROC_TGID_H
#define EPOLLTRACE_MODEL_PROC_TGID_H

#include <sys/types.h>

/* The Tgid of /proc/TID/status; tid itself when that cannot be read. */
pid_t proc_tgid(pid_t tid);

#endif
