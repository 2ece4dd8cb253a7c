/* The syscall table: lookup by name, each row's arguments, and which ioctls are ours. */
#include <string.h>

#include "arch/syscall_args.h"
#include "arch/syscall_numbers.h"
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

/* How many arguments a rendered line shows: "name(a, {b, c}, [d]) = 0" shows 3. */
static int shown_args(const char *line)
{
	const char *p = strchr(line, '(');
	if (!p)
		return -1;
	if (p[1] == ')')
		return 0;
	int n = 1, depth = 0;
	for (p++; *p && (depth > 0 || *p != ')'); p++) {
		if (*p == '"') {
			while (*++p && *p != '"')
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				break;
		} else if (p[0] == '/' && p[1] == '*') {
			p = strstr(p, "*/");
			if (!p)
				break;
			p++;
		} else if (strchr("([{", *p)) {
			depth++;
		} else if (strchr(")]}", *p)) {
			depth--;
		} else if (*p == ',' && depth == 0) {
			n++;
		}
	}
	return n;
}

/*
 * A decoder shows every argument the kernel takes, as strace does: as many
 * as arch/syscalls.csv's args, which the eBPF backend reads.
 */
static void check_args(const char *name)
{
	struct fake_mem mem = { .n = 0 };
	struct syscall_call c = fake_call(&abi_x86_64, name, &mem);
	fake_return(&c, 0);
	const char *line = render(&c);
	int shown = shown_args(line), listed = syscall_nargs(name);
	tap_is(shown == listed ? "same" : "other", "same",
	       "%s: the table's %d arguments, as the decoder shows them: %s", name, listed, line);
}

/* A named row: named back from its number, and among no rows the ABI can trap. */
static void named_row(const struct abi *abi, const char *name, unsigned long nr)
{
	const char *got = abi_named_syscall(abi, nr);
	tap_is(got ? got : "(null)", name, "%s %s: named back from %lu", abi->name, name, nr);
	tap_is(abi_syscall_nr(abi, name) < 0 && !abi_syscall_name(abi, nr) ? "untrapped" : "trapped",
	       "untrapped", "%s %s: not a row the filter can stop", abi->name, name);
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
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		check_args(names[i]);
	tap_is(syscall_nargs("read") < 0 ? "none" : "some", "none",
	       "read, a named row, has no arguments to count");
#define NAMED_X86_64(name, nr) named_row(&abi_x86_64, #name, nr);
#define NAMED_I386(name, nr) named_row(&abi_i386, #name, nr);
#define NAMED_GENERIC64(name, nr) named_row(&abi_aarch64, #name, nr);
	NAMED_SYSCALLS_X86_64(NAMED_X86_64)
	NAMED_SYSCALLS_I386(NAMED_I386)
	NAMED_SYSCALLS_GENERIC64(NAMED_GENERIC64)
	unsigned long epoll_wait_nr = (unsigned long) abi_syscall_nr(&abi_x86_64, "epoll_wait");
	tap_is(abi_named_syscall(&abi_x86_64, epoll_wait_nr) ? "named" : "none", "none",
	       "epoll_wait, trapped, is no named row");
	tap_is(wanted("ioctl", 0x40088a01), "wanted", "EPIOCSPARAMS");
	tap_is(wanted("ioctl", 0x80088a02), "wanted", "EPIOCGPARAMS");
	tap_is(wanted("ioctl", 0xdead000080088a02ull), "wanted", "only the low 32 bits of the request count");
	tap_is(wanted("ioctl", 0x5401), "not wanted", "TCGETS");
	tap_is(wanted("epoll_wait", 0x5401), "wanted", "every epoll_wait");
	return tap_done();
}
