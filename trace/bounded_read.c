#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/uio.h>
#include <unistd.h>

#include "trace/bounded_read.h"

/* One read, owned by the caller and the reading thread: the last frees it. */
struct pending_read {
	pid_t tid;
	uint64_t addr;
	size_t len;
	/* Written by the reader before done; read by the caller only after it. */
	ssize_t got;
	int err;
	atomic_bool done;
	int done_fd;		/* an eventfd, written when the read has ended */
	atomic_int owners;
	unsigned char bytes[];
};

static void let_go(struct pending_read *p)
{
	if (atomic_fetch_sub(&p->owners, 1) == 1) {
		close(p->done_fd);
		free(p);
	}
}

static void *read_in_thread(void *arg)
{
	struct pending_read *p = arg;
	struct iovec local = { p->bytes, p->len };
	struct iovec remote = { (void *) (uintptr_t) p->addr, p->len };
	p->got = process_vm_readv(p->tid, &local, 1, &remote, 1, 0);
	p->err = errno;
	/* The release hands got, err and the bytes over: an eventfd orders nothing in C11. */
	atomic_store_explicit(&p->done, true, memory_order_release);
	uint64_t one = 1;
	ssize_t told = write(p->done_fd, &one, sizeof(one));
	(void) told;	/* unwritten, the caller would only give up waiting */
	let_go(p);
	return NULL;
}

static bool start_reader(struct pending_read *p)
{
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0)
		return false;
	pthread_t thread;
	bool started = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0 &&
		       pthread_create(&thread, &attr, read_in_thread, p) == 0;
	pthread_attr_destroy(&attr);
	return started;
}

ssize_t bounded_read(pid_t tid, uint64_t addr, void *buf, size_t len, int deadline_ms)
{
	struct pending_read *p = malloc(sizeof(*p) + len);
	if (!p)
		return -1;
	*p = (struct pending_read) { .tid = tid, .addr = addr, .len = len };
	atomic_init(&p->owners, 2);
	atomic_init(&p->done, false);
	p->done_fd = eventfd(0, EFD_CLOEXEC);
	if (p->done_fd < 0 || !start_reader(p)) {
		int err = errno;
		if (p->done_fd >= 0)
			close(p->done_fd);
		free(p);
		errno = err;
		return -1;
	}
	struct pollfd pfd = { .fd = p->done_fd, .events = POLLIN };
	int ready;
	while ((ready = poll(&pfd, 1, deadline_ms)) < 0 && errno == EINTR)
		;
	ssize_t got = -1;
	int err = ETIMEDOUT;
	if (ready > 0 && atomic_load_explicit(&p->done, memory_order_acquire)) {
		got = p->got;
		err = p->err;
		if (got > 0)
			memcpy(buf, p->bytes, (size_t) got);
	}
	let_go(p);
	errno = err;
	return got;
}
