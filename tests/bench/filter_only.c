/*
 * The reference for what epolltrace's seccomp filter costs by itself:
 * loads the filter a started command gets, with SECCOMP_RET_LOG where
 * epolltrace stops the task, and runs the command untraced.  The mixed
 * workload's non-epoll calls are timed under it, so that their cost
 * under epolltrace can be compared with the filter's own.
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tests/bench/command_filter.h"
#include "trace/seccomp_filter.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: filter_only COMMAND [ARG...]\n", stderr);
		return 2;
	}
	struct bpf_program filter;
	int rc = command_filter(SECCOMP_RET_LOG, &filter);
	if (rc == 0)
		rc = seccomp_filter_load(&filter);
	if (rc != 0) {
		fprintf(stderr, "filter_only: cannot load the filter: %s\n", strerror(-rc));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "filter_only: cannot run %s: %s\n", argv[1], strerror(errno));
	return 127;
}
