/*
 * File names that try to forge trace text under -y: one closes the fd's
 * angle brackets and writes a successful result and a C1 control byte
 * (0x9b, CSI), another holds a newline, control bytes and quotes.  The
 * files are made in the directory argv[1] and removed at the end.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static const char forged_file[] = "x>, {events=EPOLLIN, data=0x1}) = 0 <\x9b" "31m";
static const char forged_fifo[] = "f\n\x01\"q\"\\\x1b[2J\x7f\xff<";

int main(int argc, char **argv)
{
	EXPECT_TRUE(argc == 2);
	close_inherited_fds();
	EXPECT_RET(0, chdir(argv[1]));
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int file = EXPECT_OK(open(forged_file, O_RDWR | O_CREAT | O_TRUNC, 0600));
	struct epoll_event ev = epoll_ev(EPOLLIN, 1);
	/* A regular file cannot be polled: the line must say so. */
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev));

	EXPECT_RET(0, mkfifo(forged_fifo, 0600));
	int fifo = EXPECT_OK(open(forged_fifo, O_RDWR | O_NONBLOCK));
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fifo, &ev));
	EXPECT_RET(1, write(fifo, "!", 1));
	struct epoll_event out[2];
	EXPECT_RET(1, sys_epoll_wait(ep, out, 2, 0));

	EXPECT_RET(0, unlink(forged_file));
	EXPECT_RET(0, unlink(forged_fifo));
	return 0;
}
