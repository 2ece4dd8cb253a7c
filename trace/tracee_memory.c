#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "trace/bounded_read.h"
#include "trace/tracee_memory.h"
#include "trace/uffd_watch.h"

/*
 * Set once process_vm_readv proves missing (ENOSYS) or refused by a
 * policy (EPERM).  Only then does PTRACE_PEEKDATA stand in, as in strace:
 * it would also read pages the program itself cannot (PROT_NONE), and a
 * call the kernel failed with EFAULT must show the address, not contents.
 */
static bool vm_readv_unavailable;

static bool peek_bytes(pid_t tid, uint64_t addr, unsigned char *buf, size_t len)
{
	const size_t word = sizeof(long);
	while (len > 0) {
		uint64_t aligned = addr & ~(uint64_t) (word - 1);
		size_t skip = (size_t) (addr - aligned);
		errno = 0;
		long val = ptrace(PTRACE_PEEKDATA, tid, (void *) (uintptr_t) aligned, NULL);
		if (errno)
			return false;
		size_t n = word - skip;
		if (n > len)
			n = len;
		memcpy(buf, (unsigned char *) &val + skip, n);
		buf += n;
		addr += n;
		len -= n;
	}
	return true;
}

/*
 * Where memory can be registered, another thread of the program can
 * register it, or drop a page of it, after uffd_watch looked: the read is
 * then made in a thread of its own, and given up after this long.
 */
#define REGISTERED_READ_DEADLINE_MS 1000

static ssize_t read_once(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	if (uffd_watch_any())
		return bounded_read(tid, addr, buf, len, REGISTERED_READ_DEADLINE_MS);
	struct iovec local = { buf, len };
	struct iovec remote = { (void *) (uintptr_t) addr, len };
	return process_vm_readv(tid, &local, 1, &remote, 1, 0);
}

bool tracee_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	if (len == 0)
		return true;
	if (addr + len < addr || addr > UINTPTR_MAX)
		return false;
	if (uffd_watch_read_could_wait(tid, addr, len)) {
		errno = EWOULDBLOCK;
		return false;
	}
	if (!vm_readv_unavailable) {
		ssize_t got = read_once(tid, addr, buf, len);
		if (got >= 0)
			return got == (ssize_t) len; /* short: the rest would fault */
		if (errno == ETIMEDOUT)
			errno = EWOULDBLOCK;
		if (errno != ENOSYS && errno != EPERM)
			return false;
		vm_readv_unavailable = true;
	}
	return peek_bytes(tid, addr, buf, len);
}

bool tracee_write(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	if (addr + len < addr || addr > UINTPTR_MAX)
		return false;
	if (uffd_watch_read_could_wait(tid, addr, len))
		return false;
	/* Unlike PTRACE_POKEDATA, it honours the program's protections. */
	struct iovec local = { (void *) buf, len };
	struct iovec remote = { (void *) (uintptr_t) addr, len };
	return process_vm_writev(tid, &local, 1, &remote, 1, 0) == (ssize_t) len;
}
