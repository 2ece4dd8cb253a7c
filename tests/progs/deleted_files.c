/*
 * Files that -y names after they were unlinked: a file, a memfd (never
 * linked), and a file whose own name ends in " (deleted)" while it still
 * exists, which strace tells apart by looking the path up.  epoll refuses
 * regular files (EPERM), but the call's line names them all the same.
 *
 * usage: deleted_files DIR  (where the files are made)
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* memfd_create */
#endif
#include <fcntl.h>
#include <sys/mman.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static int ep;

static void add(int fd)
{
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) fd);
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

int main(int argc, char **argv)
{
	EXPECT_TRUE(argc == 2);
	close_inherited_fds();
	EXPECT_RET(0, chdir(argv[1]));
	ep = EXPECT_OK(sys_epoll_create1(0));
	int gone = EXPECT_OK(open("gone", O_CREAT | O_RDWR, 0600));
	EXPECT_RET(0, unlink("gone"));
	add(gone);
	add(EXPECT_OK(memfd_create("mem", 0)));
	int kept = EXPECT_OK(open("kept (deleted)", O_CREAT | O_RDWR, 0600));
	add(kept);
	EXPECT_RET(0, unlink("kept (deleted)"));
	add(kept);
	return 0;
}
