#include <errno.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fdname/sock_diag_exchange.h"

#define REQUEST_BODY_MAX 64
/*
 * The kernel fills a dump's datagrams up to the reader's buffer, but never
 * past 32 KiB, so no datagram is cut.
 */
#define REPLY_BUF_SIZE 32768

enum read_result { READ_MORE, READ_FOUND, READ_END };

static bool send_request(int sock, const void *body, size_t len, bool dump)
{
	struct {
		struct nlmsghdr h;
		unsigned char body[REQUEST_BODY_MAX];
	} req;
	if (len > sizeof(req.body))
		return false;
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = (uint32_t) NLMSG_LENGTH(len);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : 0);
	memcpy(req.body, body, len);
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	ssize_t n;
	do {
		n = sendto(sock, &req, req.h.nlmsg_len, 0, (struct sockaddr *) &kernel,
			   sizeof(kernel));
	} while (n < 0 && errno == EINTR);
	return n == (ssize_t) req.h.nlmsg_len;
}

/* The messages of one datagram; NLMSG_DONE and NLMSG_ERROR end the reply. */
static enum read_result read_messages(const unsigned char *buf, size_t n,
				      sock_diag_reply_fn fn, void *ctx)
{
	size_t off = 0;
	while (n - off >= sizeof(struct nlmsghdr)) {
		struct nlmsghdr h;
		memcpy(&h, buf + off, sizeof(h));
		if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > n - off ||
		    h.nlmsg_type != SOCK_DIAG_BY_FAMILY)
			return READ_END;
		if (fn(buf + off + NLMSG_HDRLEN, h.nlmsg_len - NLMSG_HDRLEN, ctx))
			return READ_FOUND;
		size_t step = NLMSG_ALIGN(h.nlmsg_len);
		if (step >= n - off)
			break;
		off += step;
	}
	return READ_MORE;
}

/*
 * Never waits: the kernel queues a reply, and each next part of a dump,
 * before the call that asks for it returns, so an empty queue means an
 * answer was lost, and a tracer must not hang on that.
 */
static bool read_reply(int sock, bool dump, sock_diag_reply_fn fn, void *ctx)
{
	static unsigned char buf[REPLY_BUF_SIZE] __attribute__((aligned(8)));
	for (;;) {
		struct sockaddr_nl from;
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
		};
		ssize_t n = recvmsg(sock, &msg, MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
			continue;
		/* Only the kernel's answer counts, whole. */
		if (n <= 0 || (msg.msg_flags & MSG_TRUNC) || from.nl_pid != 0)
			return false;
		enum read_result r = read_messages(buf, (size_t) n, fn, ctx);
		if (r != READ_MORE)
			return r == READ_FOUND;
		if (!dump)
			return false;
	}
}

/*
 * A socket per question: a dump left half read keeps its socket busy, and
 * closing it is what lets the kernel stop a long dump once the socket wanted
 * has been seen.
 */
bool sock_diag_exchange(const void *body, size_t len, bool dump,
			sock_diag_reply_fn fn, void *ctx)
{
	int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (sock < 0)
		return false;
	bool found = send_request(sock, body, len, dump) && read_reply(sock, dump, fn, ctx);
	close(sock);
	return found;
}
