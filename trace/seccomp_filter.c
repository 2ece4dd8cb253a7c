#include <errno.h>
#include <stdbool.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "arch/abi.h"
#include "trace/keep_traced.h"
#include "trace/seccomp_filter.h"
#include "trace/uffd_watch.h"

/* The tracee ABIs an x86-64 tracer follows: 64-bit and i386 programs. */
static const struct filtered_abi {
	const struct abi *abi;
	/* x32 programs share x86-64's AUDIT_ARCH, with this bit in their numbers. */
	uint32_t foreign_nrs;
} filtered_abis[] = {
	{ &abi_x86_64, 0x40000000 },
	{ &abi_i386, 0 },
};

#define NFILTERED_ABIS (sizeof(filtered_abis) / sizeof(filtered_abis[0]))

/* Whether some ABI of the filter has the syscall the rule names. */
static bool known(const struct trap_rule *r)
{
	for (size_t i = 0; i < NFILTERED_ABIS; i++)
		if (abi_syscall_nr(filtered_abis[i].abi, r->name) >= 0)
			return true;
	return false;
}

/*
 * Adds the checks of the rules whose syscall the ABI has, each before the
 * first of a greater number: by number, and for one number in the order
 * given, since the first that matches acts.
 */
static void add_checks(struct nr_check *checks, size_t *n, const struct abi *abi,
		       const struct trap_rule *rules, size_t nrules, uint32_t action)
{
	for (size_t i = 0; i < nrules; i++) {
		long nr = abi_syscall_nr(abi, rules[i].name);
		if (nr < 0)
			continue;
		size_t at = *n;
		while (at > 0 && checks[at - 1].nr > (uint32_t) nr) {
			checks[at] = checks[at - 1];
			at--;
		}
		checks[at] = (struct nr_check) {
			.nr = (uint32_t) nr,
			.match_arg = rules[i].match_arg,
			.arg = rules[i].arg,
			.mask = rules[i].mask,
			.value = rules[i].value,
			.action = action,
		};
		(*n)++;
	}
}

int seccomp_filter_build(const struct trap_rule *rules, size_t nrules, uint32_t action,
			 struct bpf_program *filter)
{
	for (size_t i = 0; i < nrules; i++)
		if (!known(&rules[i]))
			return -EINVAL;
	size_t per_abi = nrules + nkeep_traced_rules + nuffd_watch_rules;
	struct nr_check *checks = malloc((NFILTERED_ABIS * per_abi + 1) * sizeof(*checks));
	if (!checks)
		return -ENOMEM;
	struct abi_checks abis[NFILTERED_ABIS];
	size_t n = 0;
	for (size_t i = 0; i < NFILTERED_ABIS; i++) {
		const struct abi *abi = filtered_abis[i].abi;
		struct nr_check *first = checks + n;
		size_t count = 0;
		add_checks(first, &count, abi, rules, nrules, action);
		add_checks(first, &count, abi, keep_traced_rules, nkeep_traced_rules,
			   SECCOMP_RET_TRACE | KEEP_TRACED_TAG);
		add_checks(first, &count, abi, uffd_watch_rules, nuffd_watch_rules,
			   SECCOMP_RET_TRACE | UFFD_WATCH_TAG);
		n += count;
		abis[i] = (struct abi_checks) {
			.audit_arch = abi->audit_arch,
			.wide_args = abi->word_size == 8,
			.foreign_nrs = filtered_abis[i].foreign_nrs,
			.checks = first,
			.nchecks = count,
		};
	}
	int rc = bpf_write_filter(abis, NFILTERED_ABIS, filter);
	free(checks);
	return rc;
}

/*
 * prctl where seccomp(2) is missing: kernels before 3.17, and valgrind,
 * which does not know the syscall (.ci/test runs epolltrace under it).
 */
static int load(const struct bpf_program *filter)
{
	struct sock_fprog prog = { .len = (unsigned short) filter->len, .filter = filter->insns };
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0)
		return 0;
	if (errno != ENOSYS)
		return -errno;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) == 0 ? 0 : -errno;
}

int seccomp_filter_load(const struct bpf_program *filter)
{
	int rc = load(filter);
	if (rc != -EACCES)
		return rc;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	return load(filter);
}

void seccomp_filter_release(struct bpf_program *filter)
{
	free(filter->insns);
	filter->insns = NULL;
	filter->len = 0;
}
