#include <string.h>

#include "arch/abi.h"
#include "arch/syscall_numbers.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_vm_flags.h"
#include "trace/uffd_watch.h"

#define UFFD_WATCH_RULE(call) { .name = #call },
const struct trap_rule uffd_watch_rules[] = {
	/* Every call of the memory rows of arch/syscalls.csv. */
	MEMORY_SYSCALLS(UFFD_WATCH_RULE)
	/* /dev/userfaultfd's request: an ioctl whose row is epoll's. */
	{ .name = "ioctl", .match_arg = true, .arg = 1, .mask = 0xffffffff,
	  .value = USERFAULTFD_IOC_NEW },
};

const size_t nuffd_watch_rules = sizeof(uffd_watch_rules) / sizeof(uffd_watch_rules[0]);

/*
 * Some tracee could have registered memory.  It stays set: a mapping
 * can be registered by another process that was given the userfaultfd.
 */
static bool registered_somewhere;

/*
 * Reads of a page that userfaultfd tracks for missing pages (um) or minor
 * faults (ui) wait for its handler; write-protection (uw) stops writes only.
 */
static const char waiting_flags[] = "um ui";

/*
 * Whether the call is one the rules stop.  Under -p this runs at every
 * call's entry: the number is looked up among the ABI's few known ones,
 * and only a known call's name is compared.
 */
static bool makes_userfaultfd(const struct abi *abi, uint64_t nr, const uint64_t *args)
{
	const char *name = abi_syscall_name(abi, (unsigned long) nr);
	for (size_t i = 0; name && i < nuffd_watch_rules; i++) {
		const struct trap_rule *r = &uffd_watch_rules[i];
		if (strcmp(name, r->name) == 0 &&
		    (!r->match_arg || (args[r->arg] & r->mask) == r->value))
			return true;
	}
	return false;
}

void uffd_watch_entry(const struct __ptrace_syscall_info *info)
{
	if (registered_somewhere)
		return;
	if (info->op == PTRACE_SYSCALL_INFO_SECCOMP) {
		registered_somewhere = info->seccomp.ret_data == UFFD_WATCH_TAG;
		return;
	}
	/* Under -p every call stops, as an entry. */
	const struct abi *abi = abi_by_audit_arch(info->arch);
	registered_somewhere = abi && makes_userfaultfd(abi, info->entry.nr, info->entry.args);
}

/* A userfaultfd made before the attach can register memory after it. */
static bool holds_userfaultfd(pid_t pid)
{
	struct proc_fds fds = { 0 };
	bool holds = false;
	if (proc_fds_read(pid, &fds))
		for (size_t i = 0; i < fds.n && !holds; i++)
			holds = strcmp(fds.v[i].link, "anon_inode:[userfaultfd]") == 0;
	proc_fds_free(&fds);
	return holds;
}

void uffd_watch_attached(pid_t pid)
{
	if (!registered_somewhere)
		registered_somewhere = proc_vm_flags_any(pid, 0, 0, waiting_flags) ||
				       holds_userfaultfd(pid);
}

bool uffd_watch_any(void)
{
	return registered_somewhere;
}

bool uffd_watch_read_could_wait(pid_t tid, uint64_t addr, size_t len)
{
	return registered_somewhere && proc_vm_flags_any(tid, addr, addr + len, waiting_flags) &&
	       !proc_pages_resident(tid, addr, len);
}
