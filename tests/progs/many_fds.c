/*
 * A process with epoll instances over every kind of fd, for the attach
 * header (tests/e2e/interest-header.sh): many_fds N [DIR] adds N more
 * registered eventfds, binds its named UNIX socket in DIR (default /tmp),
 * prints one "expect" line per header line whose text it
 * can tell from its own calls (ports from getsockname, its fd numbers),
 * prints "ready" and waits for EOF on stdin.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/un.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* The fds besides the N extra ones, with room to spare. */
#define BASE_FDS 64

struct instances {
	int main_ep;	/* most registrations */
	int nested_ep;	/* registered in main_ep; half of the extra fds */
	int oneshot_ep;	/* the disarmed ONESHOT entry alone */
	int empty_ep;	/* nothing registered */
};

static void add(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

/* Registered with data = fd, as most loops do; prints the expected text. */
static void add_expect(int ep, int fd, uint32_t events, const char *desc)
{
	add(ep, fd, events, (uint64_t) fd);
	printf("expect epfd %d: fd %d <%s> events=", ep, fd, desc);
}

static int inet_port(int fd, int peer)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	if (peer)
		EXPECT_RET(0, getpeername(fd, (struct sockaddr *) &sin, &len));
	else
		EXPECT_RET(0, getsockname(fd, (struct sockaddr *) &sin, &len));
	return ntohs(sin.sin_port);
}

static int inet_socket(int type)
{
	int fd = EXPECT_OK(socket(AF_INET, type | SOCK_NONBLOCK, 0));
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	EXPECT_RET(0, bind(fd, (struct sockaddr *) &sin, sizeof(sin)));
	return fd;
}

static void inet_connect(int fd, int to)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	EXPECT_RET(0, getsockname(to, (struct sockaddr *) &sin, &len));
	int r = connect(fd, (struct sockaddr *) &sin, len);
	EXPECT_TRUE(r == 0 || errno == EINPROGRESS);
}

static void add_tcp(int ep)
{
	int listener = inet_socket(SOCK_STREAM);
	EXPECT_RET(0, listen(listener, 8));
	int client = EXPECT_OK(socket(AF_INET, SOCK_STREAM, 0));
	inet_connect(client, listener);
	int conn = EXPECT_OK(accept4(listener, NULL, NULL, SOCK_NONBLOCK));
	int lport = inet_port(listener, 0), cport = inet_port(client, 0);

	char desc[128];
	snprintf(desc, sizeof(desc), "TCP 127.0.0.1:%d LISTEN", lport);
	add_expect(ep, listener, EPOLLIN | EPOLLEXCLUSIVE, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLEXCLUSIVE data=%#x\n", listener);
	snprintf(desc, sizeof(desc), "TCP 127.0.0.1:%d->127.0.0.1:%d ESTABLISHED",
		 lport, cport);
	add_expect(ep, conn, EPOLLIN | EPOLLRDHUP | EPOLLET, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLRDHUP|EPOLLET data=%#x\n", conn);
	snprintf(desc, sizeof(desc), "TCP 127.0.0.1:%d->127.0.0.1:%d ESTABLISHED",
		 cport, lport);
	add_expect(ep, client, EPOLLOUT, desc);
	printf("EPOLLOUT|EPOLLERR|EPOLLHUP data=%#x\n", client);
}

static void add_udp(int ep)
{
	int server = inet_socket(SOCK_DGRAM);
	int client = inet_socket(SOCK_DGRAM);
	inet_connect(client, server);
	char desc[128];
	snprintf(desc, sizeof(desc), "UDP 127.0.0.1:%d->127.0.0.1:%d",
		 inet_port(client, 0), inet_port(server, 0));
	add_expect(ep, client, EPOLLIN, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", client);
	snprintf(desc, sizeof(desc), "UDP 127.0.0.1:%d", inet_port(server, 0));
	add_expect(ep, server, EPOLLIN, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", server);
}

static void add_unix(int ep, const char *dir, char *path, size_t path_size)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int named = EXPECT_OK(socket(AF_UNIX, SOCK_STREAM, 0));
	snprintf(path, path_size, "%s/many_fds.%d.sock", dir, (int) getpid());
	EXPECT_TRUE(strlen(path) < sizeof(sun.sun_path));
	strcpy(sun.sun_path, path);
	EXPECT_RET(0, bind(named, (struct sockaddr *) &sun, sizeof(sun)));
	EXPECT_RET(0, listen(named, 8));
	char desc[sizeof(sun.sun_path) + 16];
	snprintf(desc, sizeof(desc), "UNIX %s", path);
	add_expect(ep, named, EPOLLIN, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", named);

	int abstract = EXPECT_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	int n = snprintf(sun.sun_path + 1, sizeof(sun.sun_path) - 1,
			 "many_fds.%d", (int) getpid());
	sun.sun_path[0] = '\0';
	EXPECT_RET(0, bind(abstract, (struct sockaddr *) &sun,
			   (socklen_t) (offsetof(struct sockaddr_un, sun_path) + 1 + (size_t) n)));
	snprintf(desc, sizeof(desc), "UNIX @%s", sun.sun_path + 1);
	add_expect(ep, abstract, EPOLLIN, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", abstract);

	int pair[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM, 0, pair));
	add_expect(ep, pair[0], EPOLLIN | EPOLLOUT, "UNIX");
	printf("EPOLLIN|EPOLLOUT|EPOLLERR|EPOLLHUP data=%#x\n", pair[0]);
}

static void add_anon(int ep)
{
	int pipefd[2];
	EXPECT_RET(0, pipe2(pipefd, O_NONBLOCK));
	char desc[64];
	struct stat st;
	EXPECT_RET(0, fstat(pipefd[0], &st));
	snprintf(desc, sizeof(desc), "pipe:[%llu]", (unsigned long long) st.st_ino);
	add_expect(ep, pipefd[0], EPOLLIN, desc);
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", pipefd[0]);

	int efd = EXPECT_OK(eventfd(0, EFD_NONBLOCK));
	add_expect(ep, efd, EPOLLIN, "eventfd");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", efd);

	int tfd = EXPECT_OK(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK));
	add_expect(ep, tfd, EPOLLIN, "timerfd");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", tfd);

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_RET(0, sigprocmask(SIG_BLOCK, &set, NULL));
	int sfd = EXPECT_OK(signalfd(-1, &set, SFD_NONBLOCK));
	add_expect(ep, sfd, EPOLLIN, "signalfd");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", sfd);

	int dev = EXPECT_OK(open("/dev/random", O_RDONLY | O_NONBLOCK));
	add_expect(ep, dev, EPOLLIN, "/dev/random");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", dev);
}

/* A ready fd registered ONESHOT and reported once stays registered, disarmed. */
static void add_disarmed(int ep)
{
	int efd = EXPECT_OK(eventfd(1, EFD_NONBLOCK));
	add_expect(ep, efd, EPOLLIN | EPOLLONESHOT, "eventfd");
	printf("EPOLLONESHOT (disarmed) data=%#x\n", efd);
	struct epoll_event out;
	EXPECT_RET(1, epoll_wait(ep, &out, 1, 0));
}

/*
 * Ghosts: a registered fd closed while a dup keeps its file open, whose
 * number is then reused by a file registered anew.  The closed one must
 * be made last, before the number can be reused.
 */
static void add_reused(int ep)
{
	int pipefd[2];
	EXPECT_RET(0, pipe2(pipefd, O_NONBLOCK));
	int num = pipefd[1];
	add(ep, num, EPOLLOUT, 0xdead0000u + (unsigned) num);
	EXPECT_OK(dup(num));
	int efd = EXPECT_OK(eventfd(0, 0));
	EXPECT_RET(num, dup2(efd, num));
	EXPECT_RET(0, close(efd));
	printf("expect epfd %d: fd %d <ghost: fd %d now names eventfd> "
	       "events=EPOLLOUT|EPOLLERR|EPOLLHUP data=%#x\n",
	       ep, num, num, 0xdead0000u + (unsigned) num);
	add_expect(ep, num, EPOLLIN, "eventfd");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", num);
}

static void add_closed(int ep)
{
	int efd = EXPECT_OK(eventfd(0, 0));
	add(ep, efd, EPOLLIN | EPOLLET, 0);
	EXPECT_OK(dup(efd));
	EXPECT_RET(0, close(efd));
	printf("expect epfd %d: fd %d <ghost: fd %d is closed> "
	       "events=EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLET data=0\n", ep, efd, efd);
}

/* Varied masks and data, so that every bit and width is compared. */
static void add_extra(const struct instances *in, long n)
{
	static const uint32_t masks[] = {
		EPOLLIN, EPOLLIN | EPOLLET, EPOLLOUT, EPOLLIN | EPOLLPRI | EPOLLRDHUP,
		EPOLLIN | EPOLLONESHOT, EPOLLRDNORM | EPOLLWRBAND, EPOLLPRI | EPOLLMSG,
	};
	for (long i = 0; i < n; i++) {
		int efd = EXPECT_OK(eventfd(0, EFD_NONBLOCK));
		uint64_t data = (uint64_t) i << 32 | (uint64_t) efd;
		if (i % 11 == 0)
			data = 0;
		else if (i % 11 == 1)
			data = UINT64_MAX - (uint64_t) i;
		add(i % 2 ? in->nested_ep : in->main_ep, efd,
		    masks[(size_t) i % (sizeof(masks) / sizeof(masks[0]))], data);
	}
}

static void raise_fd_limit(long n)
{
	struct rlimit rl;
	EXPECT_RET(0, getrlimit(RLIMIT_NOFILE, &rl));
	rlim_t need = (rlim_t) n + BASE_FDS;
	if (rl.rlim_cur >= need)
		return;
	rl.rlim_cur = need;
	if (rl.rlim_max < need)
		rl.rlim_max = need;
	EXPECT_RET(0, setrlimit(RLIMIT_NOFILE, &rl));
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	const char *dir = argc > 2 ? argv[2] : "/tmp";
	close_inherited_fds();
	raise_fd_limit(n);

	struct instances in = {
		.main_ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC)),
		.nested_ep = EXPECT_OK(epoll_create1(0)),
		.oneshot_ep = EXPECT_OK(epoll_create1(0)),
		.empty_ep = EXPECT_OK(epoll_create1(0)),
	};
	add_expect(in.main_ep, in.nested_ep, EPOLLIN, "epoll");
	printf("EPOLLIN|EPOLLERR|EPOLLHUP data=%#x\n", in.nested_ep);
	printf("expect epfd %d: no registrations\n", in.empty_ep);
	add_tcp(in.main_ep);
	add_udp(in.main_ep);
	char path[sizeof(((struct sockaddr_un *) 0)->sun_path)];
	add_unix(in.main_ep, dir, path, sizeof(path));
	add_anon(in.nested_ep);
	add_disarmed(in.oneshot_ep);
	add_reused(in.main_ep);
	add_extra(&in, n);
	add_closed(in.main_ep);
	puts("ready");
	fflush(stdout);

	char buf[64];
	while (read(0, buf, sizeof(buf)) > 0)
		;
	unlink(path);
	return 0;
}
