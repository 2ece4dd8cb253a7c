/*
 * bare_stops COMMAND [ARG...]: a reference for the benchmark.  Runs
 * COMMAND under epolltrace's own filter and takes each trapped call's two
 * stops, entry and exit, polling for them as epolltrace does, but reads
 * nothing and prints nothing.  What it costs is what taking the stops
 * costs on the machine; epolltrace does that and its own work, so the
 * distance between the two is what the work costs.
 *
 * Not a tracer for use: signals are passed on, but group stops are resumed
 * at once, and the calls the filter traps to keep new tasks traced (clone3,
 * clone with CLONE_UNTRACED) are taken as ordinary calls.  The workloads
 * make a few of the first, at their start, and none of the second.
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests/bench/command_filter.h"
#include "trace/seccomp_filter.h"

#define OPTIONS (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL | \
		 PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK)

/* epolltrace's default --spin. */
#define SPIN_NS 100000

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static pid_t next_stop(int *status)
{
	pid_t pid = waitpid(-1, status, __WALL | WNOHANG);
	if (pid != 0)
		return pid;
	long long deadline = now_ns() + SPIN_NS;
	while ((pid = waitpid(-1, status, __WALL | WNOHANG)) == 0 && now_ns() < deadline)
		;
	if (pid == 0)
		pid = waitpid(-1, status, __WALL);
	return pid;
}

/* The signal a stop must pass on: only a signal-delivery stop has one. */
static int passed_signal(int status)
{
	int sig = WSTOPSIG(status);
	return status >> 16 == 0 && sig != (SIGTRAP | 0x80) ? sig : 0;
}

static int trace(pid_t child)
{
	int child_status = 0, status;
	pid_t pid;
	while ((pid = next_stop(&status)) > 0 || (pid < 0 && errno == EINTR)) {
		if (pid < 0)
			continue;
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == child)
				child_status = status;
			continue;
		}
		/* Only a trapped call's entry needs its exit seen too. */
		enum __ptrace_request req = status >> 16 == PTRACE_EVENT_SECCOMP
			? PTRACE_SYSCALL : PTRACE_CONT;
		ptrace(req, pid, NULL, (void *) (long) passed_signal(status));
	}
	if (WIFSIGNALED(child_status))
		return 128 + WTERMSIG(child_status);
	return WEXITSTATUS(child_status);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bare_stops COMMAND [ARG...]\n", stderr);
		return 2;
	}
	struct bpf_program filter;
	int err = command_filter(SECCOMP_RET_TRACE, &filter);
	if (err < 0) {
		fprintf(stderr, "bare_stops: cannot build the filter: %s\n", strerror(-err));
		return 1;
	}
	pid_t child = fork();
	if (child < 0) {
		perror("bare_stops: fork");
		return 1;
	}
	if (child == 0) {
		/* Stopped until seized: the filter needs its tracer first. */
		raise(SIGSTOP);
		int rc = seccomp_filter_load(&filter);
		if (rc < 0) {
			fprintf(stderr, "bare_stops: cannot load the filter: %s\n", strerror(-rc));
			_exit(1);
		}
		execvp(argv[1], argv + 1);
		fprintf(stderr, "bare_stops: cannot run %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	int status;
	if (waitpid(child, &status, WUNTRACED) < 0 || !WIFSTOPPED(status) ||
	    ptrace(PTRACE_SEIZE, child, NULL, (void *) (long) OPTIONS) < 0 ||
	    kill(child, SIGCONT) < 0) {
		perror("bare_stops: cannot trace the command");
		kill(child, SIGKILL);
		return 1;
	}
	return trace(child);
}
