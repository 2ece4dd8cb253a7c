#include "app/call_filter.h"
#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"

static bool in_set(const struct fd_set_small *s, uint64_t value)
{
	for (size_t i = 0; i < s->count; i++)
		if ((uint64_t) (int64_t) s->fds[i] == value ||
		    (uint32_t) s->fds[i] == (uint32_t) value)
			return true;
	return false;
}

/* What one filter says of a call, before its exit. */
static enum filter_verdict fd_set_verdict(const struct fd_set_small *s, int arg,
					  bool at_exit_role, const struct syscall_call *call)
{
	if (s->count == 0)
		return FILTER_SHOW;
	if (arg != NO_ARG)
		return in_set(s, call->args[arg]) ? FILTER_SHOW : FILTER_HIDE;
	return at_exit_role ? FILTER_AT_EXIT : FILTER_HIDE;
}

static enum filter_verdict both(enum filter_verdict a, enum filter_verdict b)
{
	if (a == FILTER_HIDE || b == FILTER_HIDE)
		return FILTER_HIDE;
	return a == FILTER_AT_EXIT || b == FILTER_AT_EXIT ? FILTER_AT_EXIT : FILTER_SHOW;
}

enum filter_verdict call_filter_at_entry(const struct call_filter *f,
					 const struct syscall_call *call)
{
	const struct epoll_roles *r = &call->desc->roles;
	enum filter_verdict v = both(
		fd_set_verdict(&f->epfds, r->epfd, r->epfd_result, call),
		fd_set_verdict(&f->fds, r->fd, r->events_result, call));
	/* --op narrows epoll_ctl only; the other calls have no operation. */
	if (f->ops && r->op != NO_ARG &&
	    (call->args[r->op] >= 32 || !(f->ops & (1u << call->args[r->op]))))
		return FILTER_HIDE;
	return v;
}

/* Whether a wait returned an event for one of the fds. */
static bool returned_fd(const struct fd_set_small *s, const struct wait_events *we,
			const int *fds)
{
	for (size_t i = 0; i < we->n; i++)
		if (fds[i] >= 0 ? in_set(s, (uint64_t) fds[i]) : in_set(s, we->v[i].data))
			return true;
	return false;
}

bool call_filter_at_exit(const struct call_filter *f, const struct syscall_call *call,
			 struct wait_events *we, data_fd_fn *fd_of, void *ctx)
{
	const struct epoll_roles *r = &call->desc->roles;
	if (call->is_error)
		return false;
	if (f->epfds.count && r->epfd_result && !in_set(&f->epfds, (uint64_t) call->rval))
		return false;
	if (f->fds.count && r->events_result &&
	    !returned_fd(&f->fds, wait_events_of(we, call), wait_events_fds(we, call, fd_of, ctx)))
		return false;
	return true;
}

int call_filter_op_by_name(const char *name)
{
	const struct xlat_entry *e = xlat_find_name(&epoll_ctl_ops_xlat, "EPOLL_CTL_", name);
	return e ? (int) e->val : -1;
}
