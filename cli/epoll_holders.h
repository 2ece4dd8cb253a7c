/*
 * -p of a process that holds no epoll instance, such as nginx's master:
 * which of its descendants do, for --children or a better -p.
 */
#ifndef EPOLLTRACE_CLI_EPOLL_HOLDERS_H
#define EPOLLTRACE_CLI_EPOLL_HOLDERS_H

#include <sys/types.h>

#include "output/printer.h"

/*
 * When pid has no epoll fd open, says so on p's notices, with those of
 * its descendants that have one and the -p that would trace them.
 */
void epoll_holders_note(struct printer *p, pid_t pid);

#endif
