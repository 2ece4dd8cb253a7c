/*
 * What every benchmark workload shares besides the self-checks of
 * tests/progs/selfcheck.h: reading its counts from the command line and
 * raising its descriptor limit.  Workloads print nothing but errors.
 */
#ifndef EPOLLTRACE_BENCH_ARGS_H
#define EPOLLTRACE_BENCH_ARGS_H

/*
 * argv[index] as a count >= min, or the default when it is absent; a
 * missing count with no default (dflt < 0) or a bad one prints usage and
 * exits 2.
 */
long bench_count(int argc, char **argv, int index, long dflt, long min, const char *usage);

/* Makes room for at least n open descriptors (exits on failure). */
void bench_allow_fds(long n);

#endif
