/*
 * A page registered with userfaultfd is filled by a handler thread of the
 * program, and any read of it, process_vm_readv's too, waits until then;
 * for ever when the handler is at one of the tracer's stops, and only
 * SIGKILL ends the wait.  So once some tracee could have registered
 * memory (it made a userfaultfd, or held one or registered memory when
 * attached),
 * every read first asks /proc whether the memory is such a page not yet
 * filled, and is not made if so (and is made with a deadline otherwise:
 * trace/bounded_read.h).  Until then reads cost nothing more.
 */
#ifndef EPOLLTRACE_TRACE_UFFD_WATCH_H
#define EPOLLTRACE_TRACE_UFFD_WATCH_H

#include <linux/ioctl.h>
#include <linux/userfaultfd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ptrace.h>
#include <sys/types.h>

#include "trace/engine.h"

/* /dev/userfaultfd's request for one: Linux 6.1; older headers lack it. */
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif

/* The SECCOMP_RET_TRACE data of the stops of uffd_watch_rules. */
#define UFFD_WATCH_TAG 2

/* The calls that make a userfaultfd: userfaultfd(2), /dev/userfaultfd's ioctl. */
extern const struct trap_rule uffd_watch_rules[];
extern const size_t nuffd_watch_rules;

/* At a syscall's entry stop: notes a call that makes a userfaultfd. */
void uffd_watch_entry(const struct __ptrace_syscall_info *info);
/* At attach: notes a process that has registered memory or holds a userfaultfd. */
void uffd_watch_attached(pid_t pid);
/* Whether some tracee could have registered memory. */
bool uffd_watch_any(void);
/* Whether reading [addr, addr + len) of tid could wait for a handler. */
bool uffd_watch_read_could_wait(pid_t tid, uint64_t addr, size_t len);

#endif
