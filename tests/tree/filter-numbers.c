/*
 * filter-numbers NAME...: for each syscall, the number at which the seccomp
 * filter epolltrace builds for it alone stops an x86-64 and an i386 task,
 * "NAME x86_64 NR i386 NR" (-1 where it stops none below 1024).  Compiled
 * by tests/tree/syscall-table.sh against a changed copy of the table.
 */
#include <linux/seccomp.h>
#include <stdio.h>

#include "arch/abi.h"
#include "tests/unit/bpf_run.h"
#include "trace/seccomp_filter.h"

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct trap_rule rule = { .name = argv[i] };
		struct bpf_program p;
		int rc = seccomp_filter_build(&rule, 1, SECCOMP_RET_TRACE, &p);
		if (rc != 0) {
			printf("%s: no filter (%d)\n", argv[i], rc);
			continue;
		}
		printf("%s x86_64 %ld i386 %ld\n", argv[i],
		       bpf_nr_with(&p, abi_x86_64.audit_arch, SECCOMP_RET_TRACE, 1024),
		       bpf_nr_with(&p, abi_i386.audit_arch, SECCOMP_RET_TRACE, 1024));
		seccomp_filter_release(&p);
	}
	return 0;
}
