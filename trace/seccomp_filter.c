#include <errno.h>

#include "trace/keep_traced.h"
#include "trace/seccomp_filter.h"

/* The tracee ABIs an x86-64 tracer follows: 64-bit and i386 programs. */
static const uint32_t traced_arches[] = { SCMP_ARCH_X86_64, SCMP_ARCH_X86 };

static int add_rule(scmp_filter_ctx ctx, const struct trap_rule *r, uint32_t action)
{
	int nr = seccomp_syscall_resolve_name(r->name);
	if (nr == __NR_SCMP_ERROR)
		return -EINVAL;
	if (!r->match_arg)
		return seccomp_rule_add(ctx, action, nr, 0);
	struct scmp_arg_cmp cmp = {
		.arg = r->arg,
		.op = SCMP_CMP_MASKED_EQ,
		.datum_a = r->mask,
		.datum_b = r->value,
	};
	return seccomp_rule_add_array(ctx, action, nr, 1, &cmp);
}

scmp_filter_ctx seccomp_filter_build(const struct trap_rule *rules, size_t nrules, uint32_t action,
				     int *err)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx) {
		*err = ENOMEM;
		return NULL;
	}
	/*
	 * libseccomp kills a task whose ABI is missing from the filter; an
	 * x32 or foreign-ABI program must run untouched instead.
	 */
	int rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);
	/* Without it every kernel error is ECANCELED, and EACCES goes unseen. */
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_API_SYSRAWRC, 1);
	/*
	 * Every syscall of the command runs the filter: a binary tree of
	 * syscall numbers costs fewer instructions than a linear chain.
	 */
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
	if (rc == 0)
		rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	for (size_t i = 0; rc == 0 && i < sizeof(traced_arches) / sizeof(traced_arches[0]); i++) {
		if (traced_arches[i] == seccomp_arch_native())
			continue;
		rc = seccomp_arch_add(ctx, traced_arches[i]);
		if (rc == -EEXIST)
			rc = 0;
	}
	for (size_t i = 0; rc == 0 && i < nrules; i++)
		rc = add_rule(ctx, &rules[i], action);
	if (rc == 0)
		rc = keep_traced_add_rules(ctx);
	if (rc != 0) {
		seccomp_release(ctx);
		*err = -rc;
		return NULL;
	}
	return ctx;
}

int seccomp_filter_load(scmp_filter_ctx filter)
{
	int rc = seccomp_load(filter);
	if (rc != -EACCES)
		return rc;
	rc = seccomp_attr_set(filter, SCMP_FLTATR_CTL_NNP, 1);
	return rc ? rc : seccomp_load(filter);
}
