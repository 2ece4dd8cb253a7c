/*
 * An interest list across execve: an epoll instance created without
 * EPOLL_CLOEXEC has two pipe read ends registered, C opened with O_CLOEXEC
 * and K without; then the program executes itself again.  The new image
 * inherits the instance and K, not C: the kernel closed C at the exec and,
 * C's file having no other reference, dropped its registration with it.
 * The new image makes K readable, waits on the inherited instance (it must
 * report K's event only) and exits.  C's write end is kept open across
 * the exec, so that C never reports EPOLLHUP.
 *
 * With "dup", C is dup()ed first to D, which dup() opens without
 * FD_CLOEXEC: D keeps C's file open through the exec, so the kernel keeps
 * the registration, under fd number C, which the new image no longer has
 * (a ghost: warning[closed-while-registered], "closed by execve
 * (O_CLOEXEC)").  The new image checks that D is open and C is not.
 *
 * The program pauses for the test (model-exec.sh) before the exec and in
 * the new image after its wait, printing
 *
 *   pause N pid=P epfd=E c=C k=K d=D
 *
 * (d=-1 without "dup"), and reads one line from stdin.
 *
 * usage: exec_cloexec [dup]
 *        exec_cloexec --after EPFD C K KW D    (the new image)
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* pipe2 */
#endif
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define DATA_C 0xc10e000000000000ULL	/* + fd C */
#define C_FD 40	/* C's fd number, away from the loader's (see main) */
#define DATA_K 0x4ee9000000000000ULL	/* + fd K */

static void pause_for_test(int n, int epfd, int c, int k, int d)
{
	printf("pause %d pid=%d epfd=%d c=%d k=%d d=%d\n", n, (int) getpid(), epfd, c, k, d);
	fflush(stdout);
	char ch;
	do
		EXPECT_RET(1, read(0, &ch, 1));
	while (ch != '\n');
}

static int number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	EXPECT_TRUE(*s && !*end && v >= -1 && v < 1024);
	return (int) v;
}

static int after_exec(char *argv[])
{
	int ep = number(argv[2]), c = number(argv[3]), k = number(argv[4]);
	int kw = number(argv[5]), d = number(argv[6]);
	/* What the exec kept and what it closed. */
	EXPECT_RET(0, fcntl(ep, F_GETFD));
	EXPECT_RET(0, fcntl(k, F_GETFD));
	EXPECT_RET(0, fcntl(kw, F_GETFD));
	EXPECT_ERRNO(EBADF, fcntl(c, F_GETFD));
	if (d >= 0)
		EXPECT_RET(0, fcntl(d, F_GETFD));

	char ch = 'x';
	EXPECT_RET(1, write(kw, &ch, 1));
	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, -1));
	EXPECT_TRUE(out[0].events == EPOLLIN);
	EXPECT_TRUE(out[0].data.u64 == DATA_K + (uint64_t) k);
	EXPECT_RET(1, read(k, &ch, 1));
	pause_for_test(2, ep, c, k, d);
	return 0;
}

int main(int argc, char *argv[])
{
	if (argc == 7 && strcmp(argv[1], "--after") == 0)
		return after_exec(argv);
	EXPECT_TRUE(argc == 1 || (argc == 2 && strcmp(argv[1], "dup") == 0));
	bool dup_c = argc == 2;

	close_inherited_fds();
	int ep = (int) EXPECT_OK(sys_epoll_create1(0));
	int pc[2], pk[2];
	EXPECT_RET(0, pipe2(pc, O_CLOEXEC));
	/*
	 * C takes a number far above the others: the new image's dynamic
	 * loader opens and closes files at the lowest free numbers, and its
	 * close of C's old number would drop C's registration from the model
	 * by itself, hiding whether the model handled the exec.
	 */
	EXPECT_RET(C_FD, dup3(pc[0], C_FD, O_CLOEXEC));
	EXPECT_RET(0, close(pc[0]));
	pc[0] = C_FD;
	/*
	 * C's write end stays open across the exec: closing it would make C
	 * (when D keeps it open) report EPOLLHUP in the new image's wait.
	 */
	EXPECT_RET(0, fcntl(pc[1], F_SETFD, 0));
	EXPECT_RET(0, pipe(pk));
	struct epoll_event ev = epoll_ev(EPOLLIN, DATA_C + (uint64_t) pc[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, pc[0], &ev));
	ev = epoll_ev(EPOLLIN, DATA_K + (uint64_t) pk[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, pk[0], &ev));
	int d = dup_c ? (int) EXPECT_OK(dup(pc[0])) : -1;

	EXPECT_RET(0, fcntl(ep, F_GETFD));
	EXPECT_RET(FD_CLOEXEC, fcntl(pc[0], F_GETFD));
	EXPECT_RET(0, fcntl(pk[0], F_GETFD));
	if (d >= 0)
		EXPECT_RET(0, fcntl(d, F_GETFD));
	pause_for_test(1, ep, pc[0], pk[0], d);

	char args[5][16];
	int vals[5] = { ep, pc[0], pk[0], pk[1], d };
	for (int i = 0; i < 5; i++)
		snprintf(args[i], sizeof(args[i]), "%d", vals[i]);
	char *next[] = { argv[0], "--after", args[0], args[1], args[2], args[3], args[4], NULL };
	execv("/proc/self/exe", next);
	selfcheck_fail("execv", __LINE__, -1, errno);
}
