#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "emit/text_values.h"
#include "fdname/fd_details.h"
#include "fdname/fd_kind.h"
#include "fdname/sock_details.h"
#include "procfs/fd_flags.h"
#include "util/escape.h"

#define PIDFD_LINK "anon_inode:[pidfd]"
#define EVENTFD_LINK "anon_inode:[eventfd]"
#define SIGNALFD_LINK "anon_inode:[signalfd]"
#define SIGSET_BYTES 8

/* fdinfo's "Pid:", which is -1 once the process has been reaped. */
static bool pidfd_pid(pid_t tid, int fd, uint64_t *pid)
{
	return proc_fdinfo_num(tid, fd, "Pid:", 10, pid) && *pid > 0 && *pid <= INT32_MAX;
}

/* The pseudo-terminal multiplexer, whose fds are each a pty's master side. */
#define PTMX_MAJOR 5
#define PTMX_MINOR 2

/*
 * <char 136:1>, and for a pty master, as strace 7, the slave it opened
 * from fdinfo's tty-index: <char 5:2 @/dev/pts/0>.
 */
static void print_device_numbers(struct strbuf *out, pid_t tid, int fd, const char *fd_path)
{
	struct stat st;
	if (stat(fd_path, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return;
	sb_printf(out, "<%s %u:%u", S_ISCHR(st.st_mode) ? "char" : "block",
		  major(st.st_rdev), minor(st.st_rdev));
	uint64_t index;
	if (S_ISCHR(st.st_mode) && major(st.st_rdev) == PTMX_MAJOR &&
	    minor(st.st_rdev) == PTMX_MINOR &&
	    proc_fdinfo_num(tid, fd, "tty-index:", 10, &index) && index <= INT32_MAX)
		sb_printf(out, " @/dev/pts/%u", (unsigned int) index);
	sb_putc(out, '>');
}

/* strace 7's {eventfd-count=0x7, eventfd-id=1, eventfd-semaphore=1}: each as the kernel has it. */
static bool print_eventfd(struct strbuf *out, pid_t tid, int fd)
{
	uint64_t count, id, semaphore;
	if (!proc_fdinfo_num(tid, fd, "eventfd-count:", 16, &count))
		return false;
	sb_puts(out, "{eventfd-count=");
	if (count)
		sb_printf(out, "%#" PRIx64, count);
	else
		sb_putc(out, '0');
	if (proc_fdinfo_num(tid, fd, "eventfd-id:", 10, &id)) {
		sb_printf(out, ", eventfd-id=%" PRIu64, id);
		if (proc_fdinfo_num(tid, fd, "eventfd-semaphore:", 10, &semaphore))
			sb_printf(out, ", eventfd-semaphore=%" PRIu64, semaphore);
	}
	sb_putc(out, '}');
	return true;
}

/* signalfd:[USR1 RT_2]: the signals it takes, from fdinfo's hex mask. */
static bool print_signalfd(struct strbuf *out, pid_t tid, int fd)
{
	uint64_t mask;
	if (!proc_fdinfo_num(tid, fd, "sigmask:", 16, &mask))
		return false;
	uint8_t bytes[SIGSET_BYTES];
	for (size_t i = 0; i < SIGSET_BYTES; i++)
		bytes[i] = (uint8_t) (mask >> (8 * i));
	sb_puts(out, "signalfd:");
	print_sigmask(out, bytes, sizeof(bytes));
	return true;
}

void fd_details_print(struct strbuf *out, pid_t tid, int fd, const char *link)
{
	char fd_path[64];
	snprintf(fd_path, sizeof(fd_path), "/proc/%d/fd/%d", (int) tid, fd);
	uint64_t ino, pid;
	if (fd_link_socket_ino(link, &ino)) {
		sock_details_print(out, fd_path, ino);
		return;
	}
	if (strcmp(link, PIDFD_LINK) == 0 && pidfd_pid(tid, fd, &pid)) {
		sb_printf(out, "pid:%u", (unsigned int) pid);
		return;
	}
	/* A kernel without the fdinfo lines leaves the plain name. */
	if ((strcmp(link, EVENTFD_LINK) == 0 && print_eventfd(out, tid, fd)) ||
	    (strcmp(link, SIGNALFD_LINK) == 0 && print_signalfd(out, tid, fd)))
		return;
	print_escaped(out, link);
	/* Only a path can be a device: no stat for pipes and anon inodes. */
	if (link[0] == '/')
		print_device_numbers(out, tid, fd, fd_path);
}
