#include <linux/kcmp.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "model/model_env.h"
#include "procfs/fd_flags.h"

static bool live_read_fdinfo(void *ctx, pid_t pid, int epfd, struct epoll_fdinfo *info)
{
	(void) ctx;
	return epoll_fdinfo_read(pid, epfd, info);
}

static bool live_probe_fd(void *ctx, pid_t pid, int fd, struct proc_fd *out)
{
	(void) ctx;
	return proc_fd_probe(pid, fd, out);
}

static bool live_read_fds(void *ctx, pid_t pid, struct proc_fds *fds)
{
	(void) ctx;
	return proc_fds_read(pid, fds);
}

static bool live_fd_flags(void *ctx, pid_t pid, int fd, uint64_t *flags)
{
	(void) ctx;
	return proc_fd_flags(pid, fd, flags);
}

static bool live_fdinfo_num(void *ctx, pid_t pid, int fd, const char *key, unsigned int base,
			    uint64_t *val)
{
	(void) ctx;
	return proc_fdinfo_num(pid, fd, key, base, val);
}

static bool live_same_file(void *ctx, pid_t pid1, int fd1, pid_t pid2, int fd2)
{
	(void) ctx;
	return syscall(SYS_kcmp, pid1, pid2, KCMP_FILE, fd1, fd2) == 0;
}

static bool live_task_syscall(void *ctx, pid_t tgid, pid_t tid, struct task_syscall *out)
{
	(void) ctx;
	return proc_task_syscall(tgid, tid, out);
}

static bool live_cpu_waits(void *ctx, pid_t tgid, struct cpu_waits *out)
{
	(void) ctx;
	return proc_cpu_waits(tgid, out);
}

static bool live_other_stopped(void *ctx, pid_t tgid, pid_t tid)
{
	(void) ctx;
	return proc_other_task_stopped(tgid, tid);
}

static bool live_task_wchan(void *ctx, pid_t tgid, pid_t tid, char *wchan, size_t size)
{
	(void) ctx;
	return proc_task_wchan(tgid, tid, wchan, size);
}

static int64_t live_now_ns(void *ctx)
{
	(void) ctx;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) now.tv_sec * 1000000000 + now.tv_nsec;
}

const struct model_env model_env_live = {
	.read_fdinfo = live_read_fdinfo,
	.probe_fd = live_probe_fd,
	.read_fds = live_read_fds,
	.fd_flags = live_fd_flags,
	.fdinfo_num = live_fdinfo_num,
	.same_file = live_same_file,
	.task_syscall = live_task_syscall,
	.cpu_waits = live_cpu_waits,
	.other_stopped = live_other_stopped,
	.task_wchan = live_task_wchan,
	.now_ns = live_now_ns,
};
