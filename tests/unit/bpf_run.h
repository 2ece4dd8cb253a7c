/* Runs a seccomp filter on one call, as the kernel would: for the tests. */
#ifndef EPOLLTRACE_TESTS_UNIT_BPF_RUN_H
#define EPOLLTRACE_TESTS_UNIT_BPF_RUN_H

#include <stdint.h>

#include "trace/bpf_writer.h"

/* What the filter returns for the call; BPF_RUN_BAD for a bad program. */
#define BPF_RUN_BAD 0xbadbadu
uint32_t bpf_run(const struct bpf_program *p, uint32_t audit_arch, uint32_t nr,
		 const uint64_t args[6]);

/* The first number below limit that the filter gives action, or -1. */
long bpf_nr_with(const struct bpf_program *p, uint32_t audit_arch, uint32_t action,
		 uint32_t limit);

#endif
