/*
 * A loop whose handler stops waiting, for loop-blocked (--diagnose): it
 * registers its stdin (a blocking pipe) and prints "pid=P epfd=E"; the
 * first line on stdin wakes it, and the handler reads that line and then,
 * by the mode given:
 *   read     reads stdin again, which blocks until the next line;
 *   et-read  the same, stdin registered EPOLLET: the true et-blocking-fd;
 *   sleep    sleeps until a SIGUSR1;
 *   recv     receives from a socket no one writes to, until a SIGUSR1: on
 *            i386 through socketcall(2), as a C library may;
 *   mutex    locks a mutex another thread holds until a SIGUSR1;
 *   spin     takes a spin lock another thread holds until a SIGUSR1;
 *   compute  computes until a SIGUSR1, in no system call;
 *   page-in  reads a page of a file whose reads wait for a SIGUSR1, mapped
 *            and being read in for another thread: it sleeps in a page
 *            fault, as on a slow disk (slow_fuse.h; "skip: why" and exit
 *            77 where it cannot be mounted);
 *   healthy  goes back to its wait, line after line, until stdin ends.
 * A blocked handler returns once released, and the program exits 0.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* unshare, in slow_fuse.h */
#endif
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#ifdef __i386__
# include <linux/net.h>
# include <sys/syscall.h>
#endif

#include "raw_epoll.h"
#include "selfcheck.h"
#include "slow_fuse.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_spinlock_t spin;
static bool spinning;
static sigset_t usr1;
static volatile sig_atomic_t released;
static struct slow_fuse fuse;
static volatile const char *slow_page;
static int silent[2];	/* a socket pair no one writes to */

static void on_usr1(int sig)
{
	(void) sig;
	released = 1;
}

/* Holds the lock (or the spin lock) until SIGUSR1, which every other thread blocks. */
static void *holder(void *locked)
{
	EXPECT_RET(0, spinning ? pthread_spin_lock(&spin) : pthread_mutex_lock(&lock));
	EXPECT_RET(1, write(*(int *) locked, "l", 1));
	int sig;
	EXPECT_RET(0, sigwait(&usr1, &sig));
	EXPECT_RET(0, spinning ? pthread_spin_unlock(&spin) : pthread_mutex_unlock(&lock));
	return NULL;
}

/* Faults the page in first, so that the loop's fault waits for this one's read. */
static void *fault_first(void *unused)
{
	(void) unused;
	EXPECT_TRUE(slow_page[0] == 'x');
	return NULL;
}

/* One line of stdin, read byte by byte so that nothing past it is taken. */
static ssize_t read_line(void)
{
	char c;
	ssize_t n, total = 0;
	while ((n = read(0, &c, 1)) == 1 && c != '\n')
		total++;
	return n < 0 ? -1 : n == 0 && total == 0 ? 0 : total + 1;
}

static void wait_for_input(int ep)
{
	struct epoll_event ev;
	long n;
	/* Attaching or a signal may interrupt it: a loop waits again. */
	while ((n = sys_epoll_wait(ep, &ev, 1, -1)) < 0)
		EXPECT_TRUE(errno == EINTR);
	EXPECT_RET(1, n);
}

/* Not inlined, so that -k's stack of the blocked loop names it. */
__attribute__((noinline)) static void handle(const char *mode)
{
	if (strcmp(mode, "read") == 0 || strcmp(mode, "et-read") == 0) {
		EXPECT_TRUE(read_line() > 0);
	} else if (strcmp(mode, "sleep") == 0) {
		struct timespec forever = { 600, 0 };
		EXPECT_ERRNO(EINTR, nanosleep(&forever, NULL));
	} else if (strcmp(mode, "recv") == 0) {
		char c;
#ifdef __i386__
		unsigned long args[] = { (unsigned long) silent[0], (unsigned long) &c, 1, 0 };
		EXPECT_ERRNO(EINTR, syscall(SYS_socketcall, SYS_RECV, args));
#else
		EXPECT_ERRNO(EINTR, recv(silent[0], &c, 1, 0));
#endif
	} else if (strcmp(mode, "page-in") == 0) {
		EXPECT_TRUE(slow_page[0] == 'x');
	} else if (strcmp(mode, "compute") == 0) {
		volatile uint64_t x = 1;
		while (!released)
			x = x * 6364136223846793005u + 1442695040888963407u;
	} else if (spinning) {
		EXPECT_RET(0, pthread_spin_lock(&spin));
		EXPECT_RET(0, pthread_spin_unlock(&spin));
	} else {
		EXPECT_RET(0, pthread_mutex_lock(&lock));
		EXPECT_RET(0, pthread_mutex_unlock(&lock));
	}
}

int main(int argc, char **argv)
{
	EXPECT_TRUE(argc == 2);
	const char *mode = argv[1];
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_t t;
	spinning = strcmp(mode, "spin") == 0;
	EXPECT_RET(0, pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE));
	if (strcmp(mode, "mutex") == 0 || spinning) {
		int locked[2];
		char c;
		EXPECT_OK(pipe(locked));
		EXPECT_RET(0, pthread_sigmask(SIG_BLOCK, &usr1, NULL));
		EXPECT_RET(0, pthread_create(&t, NULL, holder, &locked[1]));
		EXPECT_RET(1, read(locked[0], &c, 1));
	} else if (strcmp(mode, "page-in") == 0) {
		const char *why;
		EXPECT_RET(0, pthread_sigmask(SIG_BLOCK, &usr1, NULL));
		if (!slow_fuse_mount(&fuse, &why)) {
			printf("skip: %s\n", why);
			return 77;
		}
		slow_page = slow_fuse_map();
		EXPECT_RET(0, pthread_create(&t, NULL, fault_first, NULL));
		slow_fuse_await_read(&fuse);
	} else {
		if (strcmp(mode, "recv") == 0)
			EXPECT_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, silent));
		struct sigaction sa = { .sa_handler = on_usr1 };
		EXPECT_RET(0, sigaction(SIGUSR1, &sa, NULL));
	}
	int ep = (int) EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = {
		.events = EPOLLIN | (strcmp(mode, "et-read") == 0 ? EPOLLET : 0),
		.data.fd = 0,
	};
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev));
	printf("pid=%d epfd=%d\n", (int) getpid(), ep);
	fflush(stdout);
	if (strcmp(mode, "healthy") == 0) {
		for (;;) {
			wait_for_input(ep);
			if (read_line() == 0)
				break;
		}
		return 0;
	}
	wait_for_input(ep);
	EXPECT_TRUE(read_line() > 0);
	handle(mode);
	if (strcmp(mode, "mutex") == 0 || spinning || strcmp(mode, "page-in") == 0)
		EXPECT_RET(0, pthread_join(t, NULL));
	return 0;
}
