/* The seccomp filter: arch/'s numbers, each ABI, the arguments of the rules. */
#include <errno.h>
#include <linux/audit.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <stdio.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"
#include "tests/unit/bpf_run.h"
#include "tests/unit/tap.h"
#include "trace/keep_traced.h"
#include "trace/seccomp_filter.h"
#include "trace/uffd_watch.h"

#define KEEP (SECCOMP_RET_TRACE | KEEP_TRACED_TAG)
#define UFFD (SECCOMP_RET_TRACE | UFFD_WATCH_TAG)

static const char *action(uint32_t a)
{
	switch (a) {
	case SECCOMP_RET_TRACE: return "stop";
	case KEEP: return "keep traced";
	case UFFD: return "uffd watch";
	case SECCOMP_RET_ALLOW: return "allow";
	case BPF_RUN_BAD: return "bad program";
	default: return "other";
	}
}

static struct bpf_program build(const struct trap_rule *rules, size_t n)
{
	struct bpf_program p = { NULL, 0 };
	int rc = seccomp_filter_build(rules, n, SECCOMP_RET_TRACE, &p);
	if (rc != 0)
		fprintf(stderr, "# seccomp_filter_build: %d\n", rc);
	return p;
}

static const char *call(const struct bpf_program *p, const struct abi *abi, const char *name,
			uint64_t arg0, uint64_t arg1)
{
	uint64_t args[6] = { arg0, arg1 };
	return action(bpf_run(p, abi->audit_arch, (uint32_t) abi_syscall_nr(abi, name), args));
}

static const char *name_of(const struct abi *abi, unsigned long nr)
{
	const char *name = abi_syscall_name(abi, nr);
	return name ? name : "none";
}

/* Each row alone: stopped at arch/'s number for it, and at no lower one. */
static void each_row(const struct abi *abi)
{
	for (size_t i = 0; i < abi->nsyscalls; i++) {
		struct trap_rule rule = { .name = abi->syscalls[i].name };
		struct bpf_program p = build(&rule, 1);
		char got[32], want[32];
		snprintf(got, sizeof(got), "%ld", bpf_nr_with(&p, abi->audit_arch, SECCOMP_RET_TRACE, 1024));
		snprintf(want, sizeof(want), "%u", abi->syscalls[i].nr);
		tap_is(got, want, "%s %s: stopped at its number in the table", abi->name, rule.name);
		tap_is(name_of(abi, abi->syscalls[i].nr), rule.name,
		       "%s %s: named back from its number", abi->name, rule.name);
		seccomp_filter_release(&p);
	}
	tap_is(name_of(abi, 4), "none", "%s: a number between rows has no name", abi->name);
	tap_is(name_of(abi, abi->nnames_by_nr), "none", "%s: nor one past the last", abi->name);
	tap_is(name_of(abi, ~0ul), "none", "%s: nor the largest", abi->name);
}

static void arguments(const struct abi *abi)
{
	static const struct trap_rule rules[] = {
		{ .name = "ioctl", .match_arg = true, .arg = 1, .mask = 0xffffffff, .value = 0x40088a01 },
		{ .name = "ioctl", .match_arg = true, .arg = 1, .mask = 0xffffffff, .value = 0x80088a02 },
		{ .name = "epoll_ctl" },
	};
	struct bpf_program p = build(rules, 3);
	tap_is(call(&p, abi, "ioctl", 3, 0x40088a01), "stop", "%s: EPIOCSPARAMS", abi->name);
	tap_is(call(&p, abi, "ioctl", 3, 0x80088a02), "stop", "%s: EPIOCGPARAMS", abi->name);
	tap_is(call(&p, abi, "ioctl", 3, 0xdead000080088a02ull), "stop",
	       "%s: only the request's low 32 bits count", abi->name);
	tap_is(call(&p, abi, "ioctl", 3, 0x5401), "allow", "%s: TCGETS runs", abi->name);
	tap_is(call(&p, abi, "epoll_ctl", 3, 1), "stop", "%s: every epoll_ctl", abi->name);
	tap_is(call(&p, abi, "close", 3, 0), "allow", "%s: close is not asked for", abi->name);
	/* Every filter stops the rows of arch/syscalls.csv that the engine's rules take. */
#define STOPS_CLONE(row) \
	tap_is(call(&p, abi, #row, CLONE_UNTRACED | CLONE_VM, 0), "keep traced", \
	       "%s: " #row ", a clone row, with CLONE_UNTRACED", abi->name);
#define STOPS_MEMORY(row) \
	tap_is(call(&p, abi, #row, 0, 0), "uffd watch", "%s: " #row ", a memory row", abi->name);
	CLONE_SYSCALLS(STOPS_CLONE)
	tap_is(call(&p, abi, "clone", CLONE_VM, 0), "allow", "%s: clone without it runs", abi->name);
	MEMORY_SYSCALLS(STOPS_MEMORY)
	tap_is(call(&p, abi, "ioctl", 3, USERFAULTFD_IOC_NEW), "uffd watch",
	       "%s: /dev/userfaultfd's USERFAULTFD_IOC_NEW", abi->name);
	seccomp_filter_release(&p);
}

int main(void)
{
	each_row(&abi_x86_64);
	each_row(&abi_i386);
	arguments(&abi_x86_64);
	arguments(&abi_i386);

	struct trap_rule rules[] = {
		{ .name = "epoll_wait", .match_arg = true, .arg = 0, .mask = 0xff00000000,
		  .value = 0x1200000000 },
		{ .name = "epoll_pwait" },
		{ .name = "epoll_pwait", .match_arg = true, .arg = 0, .mask = 1, .value = 1 },
	};
	struct bpf_program p = build(rules, 3);
	tap_is(call(&p, &abi_x86_64, "epoll_wait", 0x1200000003, 0), "stop",
	       "x86_64: an argument's high half compared");
	tap_is(call(&p, &abi_x86_64, "epoll_wait", 0x1300000003, 0), "allow",
	       "x86_64: ... and a different one runs");
	tap_is(call(&p, &abi_x86_64, "epoll_pwait", 2, 0), "stop", "the first rule of a number acts");
	uint64_t none[6] = { 0 };
	tap_is(action(bpf_run(&p, AUDIT_ARCH_X86_64, 0x40000000 | 281, none)), "allow",
	       "x32's numbers run untouched");
	tap_is(action(bpf_run(&p, AUDIT_ARCH_AARCH64, 22, none)), "allow", "another ABI runs untouched");
	tap_is(action(bpf_run(&p, AUDIT_ARCH_X86_64, 0xffffffff, none)), "allow", "syscall -1 runs");
	seccomp_filter_release(&p);

	struct trap_rule unknown = { .name = "no_such_call" };
	tap_is(seccomp_filter_build(&unknown, 1, SECCOMP_RET_TRACE, &p) == -EINVAL ? "EINVAL" : "built",
	       "EINVAL", "a syscall no filtered ABI has is refused");
	return tap_done();
}
