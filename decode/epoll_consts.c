#include "decode/epoll_consts.h"

/*
 * The values are the kernel's (include/uapi/linux/eventpoll.h), written
 * out because the installed headers may lack the newer ones.  The order is
 * strace's, which is the order the names are printed in.
 */
static const struct xlat_entry epoll_events[] = {
	{ 0x00000001, "EPOLLIN" },
	{ 0x00000002, "EPOLLPRI" },
	{ 0x00000004, "EPOLLOUT" },
	{ 0x00000008, "EPOLLERR" },
	{ 0x00000010, "EPOLLHUP" },
	{ 0x00000020, "EPOLLNVAL" },
	{ 0x00000040, "EPOLLRDNORM" },
	{ 0x00000080, "EPOLLRDBAND" },
	{ 0x00000100, "EPOLLWRNORM" },
	{ 0x00000200, "EPOLLWRBAND" },
	{ 0x00000400, "EPOLLMSG" },
	{ 0x00002000, "EPOLLRDHUP" },
	{ 0x10000000, "EPOLLEXCLUSIVE" },
	{ 0x20000000, "EPOLLWAKEUP" },
	{ 0x40000000, "EPOLLONESHOT" },
	{ 0x80000000, "EPOLLET" },
};
const struct xlat epoll_events_xlat = XLAT_OF(epoll_events);

static const struct xlat_entry epoll_ctl_ops[] = {
	{ 1, "EPOLL_CTL_ADD" },
	{ EPOLL_CTL_DEL_OP, "EPOLL_CTL_DEL" },
	{ 3, "EPOLL_CTL_MOD" },
};
const struct xlat epoll_ctl_ops_xlat = XLAT_OF(epoll_ctl_ops);

/* EPOLL_CLOEXEC is O_CLOEXEC, whose value is the same on every ABI we know. */
static const struct xlat_entry epoll_create1_flags[] = {
	{ 02000000, "EPOLL_CLOEXEC" },
};
const struct xlat epoll_create1_flags_xlat = XLAT_OF(epoll_create1_flags);
