/*
 * A page fault that sleeps as on a slow disk, on demand: a FUSE file
 * system of one page-sized file, served by a thread of the program over
 * /dev/fuse (no libfuse), whose first read is answered only once the
 * program receives SIGUSR1.  A thread that faults on a page of the file
 * another thread faulted on first waits for that page's lock in
 * uninterruptible sleep, outside any system call, as a program does while
 * its code is read in from disk.  Mounting needs root and /dev/fuse.  It
 * is mounted on /tmp in a mount namespace of the program's own, which only
 * the program sees and which goes with it however it ends: no unmount (a
 * slow call the loop would be caught in) and nothing left behind.
 */
#ifndef EPOLLTRACE_TESTS_SLOW_FUSE_H
#define EPOLLTRACE_TESTS_SLOW_FUSE_H

#include <fcntl.h>
#include <linux/fuse.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "selfcheck.h"

#define SLOW_FUSE_SIZE 4096
#define SLOW_FUSE_FILE_INO 2

struct slow_fuse {
	int dev;		/* /dev/fuse */
	int read_seen[2];	/* a byte once the first read is held */
	sigset_t release;	/* SIGUSR1, which every other thread blocks */
	pthread_t server;
};

static void slow_fuse_attr(struct fuse_attr *a, uint64_t nodeid)
{
	*a = (struct fuse_attr) { .ino = nodeid, .nlink = 1, .blksize = SLOW_FUSE_SIZE };
	if (nodeid == FUSE_ROOT_ID) {
		a->mode = S_IFDIR | 0555;
		a->nlink = 2;
	} else {
		a->mode = S_IFREG | 0444;
		a->size = SLOW_FUSE_SIZE;
		a->blocks = SLOW_FUSE_SIZE / 512;
	}
}

static void slow_fuse_reply(struct slow_fuse *f, uint64_t unique, int error, const void *body,
			    size_t len)
{
	struct {
		struct fuse_out_header h;
		unsigned char body[SLOW_FUSE_SIZE];
	} out = { .h = { .len = (uint32_t) (sizeof(out.h) + len), .error = -error,
			 .unique = unique } };
	if (len)
		memcpy(out.body, body, len);
	/* ENOENT: the request was interrupted meanwhile. */
	if (write(f->dev, &out, out.h.len) < 0 && errno != ENOENT)
		selfcheck_fail("write(/dev/fuse)", __LINE__, -1, errno);
}

/* One request; false once the file system is unmounted. */
static bool slow_fuse_serve_one(struct slow_fuse *f, bool *held)
{
	static unsigned char in[FUSE_MIN_READ_BUFFER + 2 * SLOW_FUSE_SIZE];
	ssize_t n = read(f->dev, in, sizeof(in));
	if (n < 0)
		return errno == EINTR || errno == ENOENT;
	const struct fuse_in_header *h = (const void *) in;
	const void *arg = in + sizeof(*h);
	union {
		struct fuse_init_out init;
		struct fuse_entry_out entry;
		struct fuse_attr_out attr;
		struct fuse_open_out open;
		unsigned char data[SLOW_FUSE_SIZE];
	} out;
	memset(&out, 0, sizeof(out));
	switch (h->opcode) {
	case FUSE_INIT:
		out.init = (struct fuse_init_out) {
			.major = FUSE_KERNEL_VERSION, .minor = FUSE_KERNEL_MINOR_VERSION,
			.max_readahead = ((const struct fuse_init_in *) arg)->max_readahead,
			.max_write = SLOW_FUSE_SIZE,
		};
		slow_fuse_reply(f, h->unique, 0, &out, sizeof(out.init));
		break;
	case FUSE_LOOKUP:
		if (h->nodeid != FUSE_ROOT_ID || strcmp(arg, "f") != 0) {
			slow_fuse_reply(f, h->unique, ENOENT, NULL, 0);
			break;
		}
		out.entry.nodeid = SLOW_FUSE_FILE_INO;
		slow_fuse_attr(&out.entry.attr, SLOW_FUSE_FILE_INO);
		slow_fuse_reply(f, h->unique, 0, &out, sizeof(out.entry));
		break;
	case FUSE_GETATTR:
		slow_fuse_attr(&out.attr.attr, h->nodeid);
		slow_fuse_reply(f, h->unique, 0, &out, sizeof(out.attr));
		break;
	case FUSE_OPEN:
	case FUSE_OPENDIR:
		slow_fuse_reply(f, h->unique, 0, &out, sizeof(out.open));
		break;
	case FUSE_READ: {
		const struct fuse_read_in *r = arg;
		if (!*held) {
			int sig;
			*held = true;
			EXPECT_RET(1, write(f->read_seen[1], "r", 1));
			EXPECT_RET(0, sigwait(&f->release, &sig));
		}
		size_t len = r->offset >= SLOW_FUSE_SIZE ? 0 : SLOW_FUSE_SIZE - r->offset;
		if (len > r->size)
			len = r->size;
		memset(out.data, 'x', len);
		slow_fuse_reply(f, h->unique, 0, &out, len);
		break;
	}
	case FUSE_FORGET:
	case FUSE_BATCH_FORGET:
	case FUSE_INTERRUPT:
		break;		/* no answer is awaited */
	case FUSE_FLUSH:
	case FUSE_RELEASE:
	case FUSE_RELEASEDIR:
	case FUSE_DESTROY:
		slow_fuse_reply(f, h->unique, 0, NULL, 0);
		break;
	default:
		slow_fuse_reply(f, h->unique, ENOSYS, NULL, 0);
		break;
	}
	return true;
}

static void *slow_fuse_server(void *arg)
{
	struct slow_fuse *f = arg;
	bool held = false;
	while (slow_fuse_serve_one(f, &held))
		;
	return NULL;
}

/*
 * Mounts the file system on the program's /tmp and starts its server; false,
 * with *why, when it cannot be mounted.  Called before the program has
 * threads, with SIGUSR1 blocked.
 */
static bool slow_fuse_mount(struct slow_fuse *f, const char **why)
{
	/* Before any thread: a threaded process cannot have a namespace of its own. */
	if (unshare(CLONE_NEWNS) < 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		*why = "no mount namespace of its own can be made (not root?)";
		return false;
	}
	f->dev = open("/dev/fuse", O_RDWR | O_CLOEXEC);
	char opts[128];
	snprintf(opts, sizeof(opts), "fd=%d,rootmode=40000,user_id=%d,group_id=%d", f->dev,
		 (int) getuid(), (int) getgid());
	if (f->dev < 0 || mount("slow_fuse", "/tmp", "fuse", MS_NOSUID | MS_NODEV,
				opts) < 0) {
		*why = f->dev < 0 ? "no /dev/fuse" : "a FUSE file system cannot be mounted here";
		return false;
	}
	EXPECT_OK(pipe(f->read_seen));
	sigemptyset(&f->release);
	sigaddset(&f->release, SIGUSR1);
	EXPECT_RET(0, pthread_create(&f->server, NULL, slow_fuse_server, f));
	return true;
}

/* Its one file, mapped. */
static volatile const char *slow_fuse_map(void)
{
	int fd = (int) EXPECT_OK(open("/tmp/f", O_RDONLY | O_CLOEXEC));
	void *p = mmap(NULL, SLOW_FUSE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0);
	EXPECT_TRUE(p != MAP_FAILED);
	EXPECT_OK(close(fd));
	return p;
}

/* Waits until the first read has come and is held. */
static void slow_fuse_await_read(struct slow_fuse *f)
{
	char c;
	EXPECT_RET(1, read(f->read_seen[0], &c, 1));
}

#endif
