/*
 * On attach, the registrations a process made before epolltrace came:
 * each epoll instance's interest list, from /proc/PID/fdinfo.
 */
#ifndef EPOLLTRACE_OUTPUT_INTEREST_HEADER_H
#define EPOLLTRACE_OUTPUT_INTEREST_HEADER_H

#include <stdbool.h>
#include <sys/types.h>

#include "model/epoll_model.h"
#include "util/strbuf.h"

/*
 * Appends one line per epoll instance fd and registration, by epfd then
 * tfd:
 *   epolltrace: pid 123 epfd 5: fd 7 <TCP 127.0.0.1:8080 LISTEN> events=EPOLLIN|EPOLLERR|EPOLLHUP data=0x7
 *   epolltrace: pid 123 epfd 5: fd 9 <ghost: fd 9 is closed> events=EPOLLONESHOT (disarmed) data=0
 *   epolltrace: pid 123 epfd 6: no registrations
 * An instance reachable through two fds is listed under each.  Nothing
 * is appended for a process that has gone; what vanishes while it is read
 * is left out.  Exact only while the process is stopped.
 */
void interest_header_print(struct strbuf *out, pid_t pid);

/*
 * The same registrations, in the same order, each given to each(ctx, reg)
 * (reg->fd -1 for an instance without any; reg->reported unused), for
 * other forms of the header (--json).  Returns 0, or the errno that kept
 * pid's fds from being read (not when pid has gone).
 */
typedef void (*interest_reg_fn)(void *ctx, const struct model_dump_reg *reg);
int interest_header_each(pid_t pid, interest_reg_fn each, void *ctx);

/*
 * One registration's text line, as the header prints it; source goes
 * after "epolltrace: " ("dump: " for --dump's lines, which add reported=N).
 */
void interest_line_print(struct strbuf *out, const char *source, const struct model_dump_reg *r,
			 bool with_reported);

#endif
