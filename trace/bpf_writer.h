/*
 * Writes a seccomp filter as a classic BPF program: per ABI (AUDIT_ARCH_*),
 * the syscall numbers that take an action other than SECCOMP_RET_ALLOW,
 * each for every call or only when one argument matches.  Any other ABI,
 * and any other call, is allowed.  The numbers are found through a binary
 * tree of comparisons, since every syscall of the command runs the filter.
 */
#ifndef EPOLLTRACE_TRACE_BPF_WRITER_H
#define EPOLLTRACE_TRACE_BPF_WRITER_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nr_check {
	uint32_t nr;
	bool match_arg;		/* else every call of nr */
	unsigned int arg;	/* (args[arg] & mask) == value */
	uint64_t mask;
	uint64_t value;
	uint32_t action;	/* SECCOMP_RET_* */
};

struct abi_checks {
	uint32_t audit_arch;
	bool wide_args;		/* 64-bit arguments: the high halves count too */
	/* Numbers from this one on belong to another ABI (x32): allowed. 0: none. */
	uint32_t foreign_nrs;
	/* Sorted by nr; for one nr, the first that matches acts. */
	const struct nr_check *checks;
	size_t nchecks;
};

struct bpf_program {
	struct sock_filter *insns;
	size_t len;
};

/* 0, or -ENOMEM, or -E2BIG when a jump would be too long for BPF. */
int bpf_write_filter(const struct abi_checks *abis, size_t nabis, struct bpf_program *out);

#endif
