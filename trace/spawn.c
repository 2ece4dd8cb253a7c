#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trace/ebpf_backend.h"
#include "trace/engine_internal.h"
#include "trace/seccomp_filter.h"

#define SEIZE_OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP |	\
		       PTRACE_O_EXITKILL | PTRACE_O_TRACECLONE |		\
		       PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |		\
		       PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT)

/* What the child sends back when it cannot become the command. */
struct child_failure {
	enum engine_start_result stage;
	int err;
};

static void report_and_exit(int fd, enum engine_start_result stage, int err)
{
	struct child_failure f = { stage, err };
	ssize_t ignored = write(fd, &f, sizeof(f));
	(void) ignored;
	_exit(127);
}

/*
 * The child waits on a pipe until it is seized, so the filter is only
 * loaded in a task that already has its tracer: without one, every trapped
 * call would fail with ENOSYS.
 */
static void child_exec(struct engine *e, const struct bpf_program *filter, int go_fd, int err_fd,
		       const char *path, char *const argv[])
{
	char byte;
	while (read(go_fd, &byte, 1) < 0 && errno == EINTR)
		;
	engine_restore_start_signals(e);
	int rc = seccomp_filter_load(filter);
	if (rc < 0)
		report_and_exit(err_fd, START_FILTER_FAILED, -rc);
	execv(path, argv);
	report_and_exit(err_fd, START_EXEC_FAILED, errno);
}

static void reap(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, __WALL) < 0 && errno == EINTR)
		;
}

/*
 * Takes the child's stops until its exec: a signal that reaches it before
 * then (Ctrl-C, a window resize) stops it for us, and must be passed on,
 * or neither side would ever go on.  Failures arrive on the report pipe
 * just before the child exits.
 */
static enum engine_start_result await_exec(struct engine *e, pid_t pid, int report_fd, int *err)
{
	for (;;) {
		int status;
		if (waitpid(pid, &status, __WALL) < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			return START_TRACE_FAILED;
		}
		if (WIFSTOPPED(status)) {
			int event = (unsigned int) status >> 16;
			int sig = event ? 0 : WSTOPSIG(status);
			ptrace(PTRACE_CONT, pid, NULL, (void *) (long) sig);
			if (event == PTRACE_EVENT_EXEC)
				return START_OK;
			continue;
		}
		struct child_failure f;
		if (read(report_fd, &f, sizeof(f)) == (ssize_t) sizeof(f)) {
			*err = f.err;
			task_remove(&e->tasks, task_find(&e->tasks, pid));
			e->first_child = 0;
			return f.stage;
		}
		/* Killed before it could exec: it ends as it would untraced. */
		e->first_status = status;
		e->first_child_done = true;
		task_remove(&e->tasks, task_find(&e->tasks, pid));
		return START_OK;
	}
}

static enum engine_start_result start_filtered(struct engine *e, const struct bpf_program *filter,
					      const char *path, char *const argv[], int *err)
{
	int go[2], report[2];
	if (pipe2(go, O_CLOEXEC) < 0) {
		*err = errno;
		return START_FORK_FAILED;
	}
	if (pipe2(report, O_CLOEXEC) < 0) {
		*err = errno;
		close(go[0]);
		close(go[1]);
		return START_FORK_FAILED;
	}
	pid_t pid = fork();
	if (pid < 0) {
		*err = errno;
		close(go[0]); close(go[1]); close(report[0]); close(report[1]);
		return START_FORK_FAILED;
	}
	if (pid == 0) {
		close(go[1]);
		close(report[0]);
		child_exec(e, filter, go[0], report[1], path, argv);
	}
	close(go[0]);
	close(report[1]);
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *) (long) SEIZE_OPTIONS) < 0) {
		*err = errno;
		kill(pid, SIGKILL);
		close(go[1]);
		close(report[0]);
		reap(pid);
		return START_TRACE_FAILED;
	}
	task_get(&e->tasks, pid)->announced = true;
	e->first_child = pid;
	close(go[1]);

	enum engine_start_result r = await_exec(e, pid, report[0], err);
	close(report[0]);
	return r;
}

enum engine_start_result engine_start(struct engine *e, const char *path,
				      char *const argv[], int *err)
{
	if (e->ebpf)
		return ebpf_start(e, path, argv, err);
	struct bpf_program filter;
	int rc = seccomp_filter_build(e->cfg.rules, e->cfg.nrules, SECCOMP_RET_TRACE, &filter);
	if (rc < 0) {
		*err = -rc;
		return START_FILTER_FAILED;
	}
	e->seccomp_mode = true;
	enum engine_start_result r = start_filtered(e, &filter, path, argv, err);
	seccomp_filter_release(&filter);
	return r;
}
