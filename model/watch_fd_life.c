/*
 * The life of fds and processes around the instances: closes that leave
 * registrations behind, and one instance used by two processes.
 */
#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/watch_fd_life.h"

void watch_shared(struct diag *d, struct ep_instance *inst, pid_t other, pid_t tgid, int epfd)
{
	if (!other || inst->watch.sharing_reported)
		return;
	inst->watch.sharing_reported = true;
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "pid %d uses this instance, and so does pid %d through its epfd %d",
		  (int) other, (int) tgid, epfd);
	diag_report(d, DIAG_SHARED_ACROSS_FORK, inst, tgid, epfd, -1, sb_str(&ev));
	sb_free(&ev);
}

void watch_left_behind(struct diag *d, const struct left_behind *lb)
{
	struct strbuf ev = STRBUF_INIT;
	sb_printf(&ev, "fd %d was %s while registered (events=", lb->tfd, lb->how);
	print_epoll_events(&ev, lb->events);
	sb_puts(&ev, " data=");
	print_epoll_data(&ev, lb->data);
	sb_puts(&ev, ", registered ");
	print_when(&ev, lb->since_ns);
	sb_puts(&ev, ") and never deleted; its file is still open elsewhere (a dup, a child, "
		"or a passed fd), so the registration stays");
	diag_report_id(d, DIAG_CLOSED_WHILE_REGISTERED, lb->inst_id, lb->tgid, lb->epfd, lb->tfd,
		       sb_str(&ev));
	sb_free(&ev);
}
