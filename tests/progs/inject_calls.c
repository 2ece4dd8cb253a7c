/*
 * Calls for -e inject= and -e fault=: four zero-timeout waits on an empty
 * instance, two epoll_ctl ADDs of one pipe, and a count of the SIGUSR1s
 * that arrived.  Prints what each call returned, so that a test can see
 * what the program saw; exits 0 unless a call setting up the rest fails.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static volatile sig_atomic_t usr1s;

static void on_usr1(int sig)
{
	(void) sig;
	usr1s++;
}

static void show(const char *what, long r)
{
	if (r < 0)
		printf("%s -1 %s\n", what, strerror(errno));
	else
		printf("%s %ld\n", what, r);
}

int main(void)
{
	close_inherited_fds();
	struct sigaction sa = { .sa_handler = on_usr1 };
	EXPECT_OK(sigaction(SIGUSR1, &sa, NULL));
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int p[2];
	EXPECT_OK(pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, 5), out[1];
	for (int i = 0; i < 4; i++)
		show("wait", sys_epoll_wait(ep, out, 1, 0));
	show("add", sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	show("add", sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	printf("usr1 %d\n", (int) usr1s);
	return 0;
}
