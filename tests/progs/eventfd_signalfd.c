/*
 * An eventfd (count 7, semaphore), an empty one, and a signalfd for USR1
 * and the first real-time signal, each registered: -yy shows what their
 * fdinfo says, as strace 7 does.  Prints "fdinfo complete" when the
 * kernel's eventfd fdinfo has every line strace shows (Linux 6.5).
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static int ep;

static void add(int fd)
{
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) fd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

static bool has_semaphore_line(int fd)
{
	char path[64], line[128];
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	FILE *f = fopen(path, "r");
	bool found = false;
	while (f && !found && fgets(line, sizeof(line), f))
		found = strncmp(line, "eventfd-semaphore:", 18) == 0;
	if (f)
		fclose(f);
	return found;
}

int main(void)
{
	close_inherited_fds();
	ep = EXPECT_OK(sys_epoll_create1(0));
	int counted = EXPECT_OK(eventfd(7, EFD_SEMAPHORE));
	add(counted);
	add(EXPECT_OK(eventfd(0, 0)));
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN);
	add(EXPECT_OK(signalfd(-1, &set, 0)));
	if (has_semaphore_line(counted))
		printf("fdinfo complete\n");
	return 0;
}
