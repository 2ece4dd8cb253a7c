/* One SOCK_DIAG_BY_FAMILY request to the kernel and its reply. */
#ifndef EPOLLTRACE_FDNAME_SOCK_DIAG_EXCHANGE_H
#define EPOLLTRACE_FDNAME_SOCK_DIAG_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>

/* Given each reply message's payload; true when it is the one wanted. */
typedef bool (*sock_diag_reply_fn)(const void *msg, size_t len, void *ctx);

/*
 * Sends body (a *_diag_req of at most 64 bytes), as a dump when dump is
 * set, and hands the reply's messages to fn until it returns true; false
 * when it never does or the kernel cannot be asked.
 */
bool sock_diag_exchange(const void *body, size_t len, bool dump,
			sock_diag_reply_fn fn, void *ctx);

#endif
