/*
 * The seccomp filter epolltrace gives a started command when no option
 * narrows it, built with another action where epolltrace stops the task:
 * what the benchmark's reference programs run their commands under.
 */
#ifndef EPOLLTRACE_TESTS_BENCH_COMMAND_FILTER_H
#define EPOLLTRACE_TESTS_BENCH_COMMAND_FILTER_H

#include <stdint.h>

#include "trace/bpf_writer.h"

/* 0 or -errno, as seccomp_filter_build. */
int command_filter(uint32_t action, struct bpf_program *filter);

#endif
