/*
 * The seccomp filter epolltrace gives a started command when no option
 * narrows it, built with another action where epolltrace stops the task:
 * what the benchmark's reference programs run their commands under.
 */
#ifndef EPOLLTRACE_TESTS_BENCH_COMMAND_FILTER_H
#define EPOLLTRACE_TESTS_BENCH_COMMAND_FILTER_H

#include <seccomp.h>
#include <stdint.h>

/* NULL and *err set on failure, as seccomp_filter_build. */
scmp_filter_ctx command_filter(uint32_t action, int *err);

#endif
