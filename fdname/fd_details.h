/*
 * -yy: an fd's name as strace -yy prints it, which is -y's name with more
 * said of sockets (sock_details.h), devices (their numbers) and pidfds
 * (their process).  Read afresh at every use, like -y's.
 */
#ifndef EPOLLTRACE_FDNAME_FD_DETAILS_H
#define EPOLLTRACE_FDNAME_FD_DETAILS_H

#include <sys/types.h>

#include "util/strbuf.h"

/*
 * For fd of task tid, whose /proc/TID/fd link reads link:
 * "TCP:[127.0.0.1:8080]", "/dev/null<char 1:3>", "pid:1234"; link itself,
 * escaped as for -y, when there is nothing to add.
 */
void fd_details_print(struct strbuf *out, pid_t tid, int fd, const char *link);

#endif
