/*
 * An interest list changed only through io_uring: IORING_OP_EPOLL_CTL
 * requests (as libuv submits them) ADD the read ends of two pipes, A and
 * B, and MOD B, with no epoll_ctl system call.  B is made readable and a
 * wait reports it; then A, and a last wait reports A; then A is deleted,
 * also through io_uring.  The program pauses three times for the test
 * (model-io-uring.sh), which compares epolltrace's dump with the kernel's
 * fdinfo there: after the ADDs and the MOD (before any wait), after the
 * first wait, and after the DEL.  At each pause it prints
 *
 *   pause N pid=P epfd=E a=A b=B
 *
 * and reads one line from stdin.  Each registration's data is a 64-bit
 * word with its high half set (DATA_* below), so that the i386 build
 * checks the whole word.  Without io_uring (io_uring_setup fails with
 * ENOSYS or EPERM, kernel.io_uring_disabled is not 0, or the kernel
 * does not know IORING_OP_EPOLL_CTL) it prints "skip: REASON" and exits 0.
 */
#include <linux/io_uring.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* The opcode of IORING_OP_EPOLL_CTL is ABI: the header's enum must agree. */
#define OP_EPOLL_CTL 29
_Static_assert(IORING_OP_EPOLL_CTL == OP_EPOLL_CTL, "IORING_OP_EPOLL_CTL is 29");

#define DATA_A 0xa11a000000000000ULL	/* + fd A */
#define DATA_B 0xb11b000000000000ULL	/* + fd B, ADD */
#define DATA_B_MOD 0xb22b000000000000ULL	/* + fd B, after the MOD */

struct ring {
	int fd;
	unsigned int sq_mask, cq_mask;
	_Atomic unsigned int *sq_tail, *cq_head, *cq_tail;
	unsigned int *sq_array;
	struct io_uring_sqe *sqes;
	struct io_uring_cqe *cqes;
	uint64_t submitted;
};

static void skip(const char *why, const char *detail)
{
	printf("skip: %s%s\n", why, detail);
	exit(0);
}

/* kernel.io_uring_disabled (Linux 6.6 on): 0 lets everyone use io_uring. */
static void check_sysctl(void)
{
	FILE *f = fopen("/proc/sys/kernel/io_uring_disabled", "re");
	if (!f)
		return;
	char buf[32] = "";
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	if (strcmp(buf, "0") != 0)
		skip("io_uring is disabled: kernel.io_uring_disabled=", buf);
}

static void *map_ring(int fd, size_t size, off_t offset)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, offset);
	EXPECT_TRUE(p != MAP_FAILED);
	return p;
}

static void ring_setup(struct ring *r)
{
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	long fd = syscall(SYS_io_uring_setup, 4, &p);
	if (fd < 0 && (errno == ENOSYS || errno == EPERM))
		skip("io_uring_setup failed: ", strerror(errno));
	r->fd = (int) EXPECT_OK(fd);

	size_t sq_size = p.sq_off.array + p.sq_entries * sizeof(unsigned int);
	size_t cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	char *sq, *cq;
	if (p.features & IORING_FEAT_SINGLE_MMAP) {
		size_t size = sq_size > cq_size ? sq_size : cq_size;
		sq = cq = map_ring(r->fd, size, IORING_OFF_SQ_RING);
	} else {
		sq = map_ring(r->fd, sq_size, IORING_OFF_SQ_RING);
		cq = map_ring(r->fd, cq_size, IORING_OFF_CQ_RING);
	}
	r->sqes = map_ring(r->fd, p.sq_entries * sizeof(struct io_uring_sqe), IORING_OFF_SQES);
	r->sq_mask = *(unsigned int *) (sq + p.sq_off.ring_mask);
	r->sq_tail = (_Atomic unsigned int *) (sq + p.sq_off.tail);
	r->sq_array = (unsigned int *) (sq + p.sq_off.array);
	r->cq_mask = *(unsigned int *) (cq + p.cq_off.ring_mask);
	r->cq_head = (_Atomic unsigned int *) (cq + p.cq_off.head);
	r->cq_tail = (_Atomic unsigned int *) (cq + p.cq_off.tail);
	r->cqes = (struct io_uring_cqe *) (cq + p.cq_off.cqes);
}

/*
 * One IORING_OP_EPOLL_CTL, submitted and waited for in one io_uring_enter:
 * the list has changed when the call returns.  Returns the CQE's result.
 */
static int ring_epoll_ctl(struct ring *r, int epfd, int op, int fd, const struct epoll_event *ev)
{
	unsigned int tail = atomic_load_explicit(r->sq_tail, memory_order_relaxed);
	unsigned int index = tail & r->sq_mask;
	struct io_uring_sqe *sqe = &r->sqes[index];
	memset(sqe, 0, sizeof(*sqe));
	sqe->opcode = OP_EPOLL_CTL;
	sqe->fd = epfd;
	sqe->off = (uint64_t) fd;
	sqe->len = (uint32_t) op;
	sqe->addr = (uint64_t) (uintptr_t) ev;
	sqe->user_data = ++r->submitted;
	r->sq_array[index] = index;
	atomic_store_explicit(r->sq_tail, tail + 1, memory_order_release);

	EXPECT_RET(1, syscall(SYS_io_uring_enter, r->fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0));
	unsigned int head = atomic_load_explicit(r->cq_head, memory_order_relaxed);
	EXPECT_TRUE(atomic_load_explicit(r->cq_tail, memory_order_acquire) != head);
	const struct io_uring_cqe *cqe = &r->cqes[head & r->cq_mask];
	EXPECT_TRUE(cqe->user_data == r->submitted);
	int res = cqe->res;
	atomic_store_explicit(r->cq_head, head + 1, memory_order_release);
	return res;
}

static void pause_for_test(int n, int epfd, int a, int b)
{
	printf("pause %d pid=%d epfd=%d a=%d b=%d\n", n, (int) getpid(), epfd, a, b);
	fflush(stdout);
	char c;
	do
		EXPECT_RET(1, read(0, &c, 1));
	while (c != '\n');
}

/* The only event of a wait: fd's, with data. */
static void expect_one_event(int epfd, uint64_t data)
{
	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(epfd, out, 4, -1));
	EXPECT_TRUE(out[0].events == EPOLLIN);
	EXPECT_TRUE(out[0].data.u64 == data);
}

int main(void)
{
	close_inherited_fds();
	check_sysctl();
	int ep = (int) EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int pa[2], pb[2];
	EXPECT_RET(0, pipe(pa));
	EXPECT_RET(0, pipe(pb));
	struct ring r = { 0 };
	ring_setup(&r);

	struct epoll_event ev = epoll_ev(EPOLLIN, DATA_A + (uint64_t) pa[0]);
	int res = ring_epoll_ctl(&r, ep, EPOLL_CTL_ADD, pa[0], &ev);
	/* Linux 5.1 to 5.5 have io_uring but not this opcode. */
	if (res == -EINVAL || res == -EOPNOTSUPP)
		skip("IORING_OP_EPOLL_CTL is not supported: ", strerror(-res));
	EXPECT_RET(0, res);
	ev = epoll_ev(EPOLLIN, DATA_B + (uint64_t) pb[0]);
	EXPECT_RET(0, ring_epoll_ctl(&r, ep, EPOLL_CTL_ADD, pb[0], &ev));
	ev = epoll_ev(EPOLLIN | EPOLLRDHUP, DATA_B_MOD + (uint64_t) pb[0]);
	EXPECT_RET(0, ring_epoll_ctl(&r, ep, EPOLL_CTL_MOD, pb[0], &ev));
	/* The kernel's answer to a second ADD: the registrations are real. */
	EXPECT_RET(-EEXIST, ring_epoll_ctl(&r, ep, EPOLL_CTL_ADD, pa[0], &ev));
	pause_for_test(1, ep, pa[0], pb[0]);

	char c = 'x';
	EXPECT_RET(1, write(pb[1], &c, 1));
	expect_one_event(ep, DATA_B_MOD + (uint64_t) pb[0]);
	EXPECT_RET(1, read(pb[0], &c, 1));
	pause_for_test(2, ep, pa[0], pb[0]);

	EXPECT_RET(1, write(pa[1], &c, 1));
	expect_one_event(ep, DATA_A + (uint64_t) pa[0]);
	EXPECT_RET(1, read(pa[0], &c, 1));
	EXPECT_RET(0, ring_epoll_ctl(&r, ep, EPOLL_CTL_DEL, pa[0], NULL));
	EXPECT_RET(-ENOENT, ring_epoll_ctl(&r, ep, EPOLL_CTL_DEL, pa[0], NULL));
	pause_for_test(3, ep, pa[0], pb[0]);
	return 0;
}
