/*
 * The reference for what epolltrace's seccomp filter costs by itself:
 * loads the filter a started command gets, with SCMP_ACT_LOG where
 * epolltrace stops the task, and runs the command untraced.  The mixed
 * workload's non-epoll calls are timed under it, so that their cost
 * under epolltrace can be compared with the filter's own.
 */
#include <errno.h>
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
	int err = 0;
	scmp_filter_ctx filter = command_filter(SCMP_ACT_LOG, &err);
	int rc = filter ? seccomp_filter_load(filter) : -err;
	if (rc != 0) {
		fprintf(stderr, "filter_only: cannot load the filter: %s\n", strerror(-rc));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "filter_only: cannot run %s: %s\n", argv[1], strerror(errno));
	return 127;
}
