#include <linux/ioctl.h>
#include <linux/userfaultfd.h>
#include <string.h>

#include "arch/abi.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_vm_flags.h"
#include "trace/uffd_watch.h"

/* Linux 6.1; older headers lack it. */
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif

const struct trap_rule uffd_watch_rules[] = {
	{ .name = "userfaultfd" },
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
 * Under -p this runs at every call's entry: the number is looked up among
 * the ABI's few known ones, and only a known call's name is compared.
 */
static bool makes_userfaultfd(const struct abi *abi, uint64_t nr, uint64_t request)
{
	const char *name = abi_syscall_name(abi, (unsigned long) nr);
	return name && (strcmp(name, "userfaultfd") == 0 ||
			(strcmp(name, "ioctl") == 0 &&
			 (uint32_t) request == (uint32_t) USERFAULTFD_IOC_NEW));
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
	registered_somewhere = abi && makes_userfaultfd(abi, info->entry.nr, info->entry.args[1]);
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
