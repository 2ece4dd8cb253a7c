/* The syscall table: lookup by name, and which ioctls are ours. */
#include "decode/syscall_list.h"
#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

static const char *wanted(const char *name, uint64_t request)
{
	struct fake_mem mem = { .n = 0 };
	struct syscall_call c = fake_call(&abi_x86_64, name, &mem);
	c.args[1] = request;
	return syscall_call_wanted(&c) ? "wanted" : "not wanted";
}

int main(void)
{
#define TABLE_NAME(name, decoder) #name,
	/* The decoded rows of arch/syscalls.csv: each descriptor says the row's name. */
	static const char *const names[] = { SYSCALL_DECODERS(TABLE_NAME) };
	tap_is(nsyscall_descs == sizeof(names) / sizeof(names[0]) ? "same" : "other", "same",
	       "one descriptor per decoded row");
	for (size_t i = 0; i < nsyscall_descs && i < sizeof(names) / sizeof(names[0]); i++)
		tap_is(syscall_descs[i]->name, names[i], "entry %zu, in the table's order", i);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct syscall_desc *d = syscall_desc_by_name(names[i]);
		tap_is(d ? d->name : "(null)", names[i], "lookup %s", names[i]);
	}
	tap_is(syscall_desc_by_name("read") ? "found" : "none", "none", "read is not ours");
	tap_is(wanted("ioctl", 0x40088a01), "wanted", "EPIOCSPARAMS");
	tap_is(wanted("ioctl", 0x80088a02), "wanted", "EPIOCGPARAMS");
	tap_is(wanted("ioctl", 0xdead000080088a02ull), "wanted", "only the low 32 bits of the request count");
	tap_is(wanted("ioctl", 0x5401), "not wanted", "TCGETS");
	tap_is(wanted("epoll_wait", 0x5401), "wanted", "every epoll_wait");
	return tap_done();
}
