#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "fdname/fd_details.h"
#include "fdname/fd_kind.h"
#include "fdname/sock_details.h"
#include "procfs/fd_flags.h"
#include "util/escape.h"

#define PIDFD_LINK "anon_inode:[pidfd]"

/* fdinfo's "Pid:", which is -1 once the process has been reaped. */
static bool pidfd_pid(pid_t tid, int fd, uint64_t *pid)
{
	return proc_fdinfo_num(tid, fd, "Pid:", 10, pid) && *pid > 0 && *pid <= INT32_MAX;
}

static void print_device_numbers(struct strbuf *out, const char *fd_path)
{
	struct stat st;
	if (stat(fd_path, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return;
	sb_printf(out, "<%s %u:%u>", S_ISCHR(st.st_mode) ? "char" : "block",
		  major(st.st_rdev), minor(st.st_rdev));
}

void fd_details_print(struct strbuf *out, pid_t tid, int fd, const char *link)
{
	char fd_path[64];
	snprintf(fd_path, sizeof(fd_path), "/proc/%d/fd/%d", (int) tid, fd);
	uint64_t ino, pid;
	if (fd_link_socket_ino(link, &ino)) {
		sock_details_print(out, fd_path, ino);
	} else if (strcmp(link, PIDFD_LINK) == 0 && pidfd_pid(tid, fd, &pid)) {
		sb_printf(out, "pid:%u", (unsigned int) pid);
	} else {
		print_escaped(out, link);
		/* Only a path can be a device: no stat for pipes and anon inodes. */
		if (link[0] == '/')
			print_device_numbers(out, fd_path);
	}
}
