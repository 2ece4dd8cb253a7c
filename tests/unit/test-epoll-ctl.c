/* epoll_create, epoll_create1 and epoll_ctl, decoded at entry. */
#include <string.h>

#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

#define EV_ADDR 0x1000

static const char *ctl(const struct abi *abi, uint64_t op, uint64_t addr,
		       const unsigned char *bytes, size_t len, int64_t rval)
{
	struct fake_mem mem = { .n = 0 };
	fake_mem_add(&mem, EV_ADDR, bytes, len);
	struct syscall_call c = fake_call(abi, "epoll_ctl", &mem);
	c.args[0] = 4;
	c.args[1] = op;
	c.args[2] = 5;
	c.args[3] = addr;
	fake_return(&c, rval);
	return render(&c);
}

static const char *create(const char *name, uint64_t arg, int64_t rval)
{
	struct fake_mem mem = { .n = 0 };
	struct syscall_call c = fake_call(&abi_x86_64, name, &mem);
	c.args[0] = arg;
	fake_return(&c, rval);
	return render(&c);
}

static const char *named(const char *name, uint64_t epfd, uint64_t fd, int64_t rval)
{
	static const unsigned char ev[12] = { 1 };
	struct fake_mem mem = { .n = 0 };
	fake_mem_add(&mem, EV_ADDR, ev, sizeof(ev));
	struct syscall_call c = fake_call(&abi_x86_64, name, &mem);
	c.fd_names = &fake_fd_names;
	c.args[0] = epfd;
	c.args[1] = 1;
	c.args[2] = fd;
	c.args[3] = EV_ADDR;
	fake_return(&c, rval);
	return render(&c);
}

int main(void)
{
	tap_is(named("epoll_ctl", 4, 5, 0),
	       "epoll_ctl(4<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 5<pipe:[77]>, {events=EPOLLIN, data=0}) = 0",
	       "-y names the epoll fd and the target fd");
	tap_is(named("epoll_ctl", 4, 9, -9),
	       "epoll_ctl(4<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 9, {events=EPOLLIN, data=0}) = -1 EBADF (Bad file descriptor)",
	       "-y leaves an fd that is not open bare");
	tap_is(named("epoll_create1", 0, 0, 4), "epoll_create1(0) = 4<anon_inode:[eventpoll]>",
	       "-y names the new instance in the result");
	tap_is(named("epoll_create1", 0, 0, -24), "epoll_create1(0) = -1 EMFILE (Too many open files)",
	       "-y names nothing in an error");
	tap_is(create("epoll_create1", 0x80000, 4), "epoll_create1(EPOLL_CLOEXEC) = 4", "create1 CLOEXEC");
	tap_is(create("epoll_create1", 0, 3), "epoll_create1(0) = 3", "create1 no flags");
	tap_is(create("epoll_create1", 0x800, -22),
	       "epoll_create1(0x800 /* EPOLL_??? */) = -1 EINVAL (Invalid argument)", "create1 unknown flag");
	tap_is(create("epoll_create", 0xfffffffb, -22),
	       "epoll_create(-5) = -1 EINVAL (Invalid argument)", "create size is an int");
	tap_is(create("epoll_create", 0xffffffff00000010ull, 3),
	       "epoll_create(16) = 3", "create ignores the upper half of the word");

	const struct abi *abis[] = { &abi_x86_64, &abi_i386, &abi_aarch64 };
	for (size_t i = 0; i < sizeof(abis) / sizeof(abis[0]); i++) {
		const struct abi *abi = abis[i];
		unsigned char ev[16];
		put_event(abi, ev, 0, 0x80000001, 0x1122334455667788ull);
		size_t size = abi->epoll_event_size;
		tap_is(ctl(abi, 1, EV_ADDR, ev, size, 0),
		       "epoll_ctl(4, EPOLL_CTL_ADD, 5, {events=EPOLLIN|EPOLLET, data=0x1122334455667788}) = 0",
		       "%s: ADD with a %zu-byte event", abi->name, size);
		tap_is(ctl(abi, 1, EV_ADDR, ev, size, -17),
		       "epoll_ctl(4, EPOLL_CTL_ADD, 5, {events=EPOLLIN|EPOLLET, data=0x1122334455667788}) = -1 EEXIST (File exists)",
		       "%s: the event shows on failure", abi->name);
		tap_is(ctl(abi, 1, EV_ADDR, ev, size - 1, -14),
		       "epoll_ctl(4, EPOLL_CTL_ADD, 5, 0x1000) = -1 EFAULT (Bad address)",
		       "%s: a short readable area prints the address", abi->name);
	}

	unsigned char ev[12];
	put_event(&abi_x86_64, ev, 0, 0x08000001, 6);
	tap_is(ctl(&abi_x86_64, 0x63, EV_ADDR, ev, sizeof(ev), -22),
	       "epoll_ctl(4, 0x63 /* EPOLL_CTL_??? */, 5, {events=EPOLLIN|0x8000000, data=0x6}) = -1 EINVAL (Invalid argument)",
	       "unknown op and unknown event bit");
	put_event(&abi_x86_64, ev, 0, 0, 0);
	tap_is(ctl(&abi_x86_64, 3, EV_ADDR, ev, sizeof(ev), 0),
	       "epoll_ctl(4, EPOLL_CTL_MOD, 5, {events=0, data=0}) = 0", "zero events and data");
	tap_is(ctl(&abi_x86_64, 1, 0x8, ev, sizeof(ev), -14),
	       "epoll_ctl(4, EPOLL_CTL_ADD, 5, 0x8) = -1 EFAULT (Bad address)", "bad pointer");
	tap_is(ctl(&abi_x86_64, 3, 0, ev, sizeof(ev), -14),
	       "epoll_ctl(4, EPOLL_CTL_MOD, 5, NULL) = -1 EFAULT (Bad address)", "NULL event");
	tap_is(ctl(&abi_x86_64, 2, 0, ev, sizeof(ev), 0),
	       "epoll_ctl(4, EPOLL_CTL_DEL, 5, NULL) = 0", "DEL with NULL");
	tap_is(ctl(&abi_x86_64, 2, EV_ADDR, ev, sizeof(ev), 0),
	       "epoll_ctl(4, EPOLL_CTL_DEL, 5, 0x1000) = 0", "DEL prints a readable pointer as an address");
	tap_is(ctl(&abi_x86_64, 0xffffffff00000001ull, EV_ADDR, ev, sizeof(ev), 0),
	       "epoll_ctl(4, EPOLL_CTL_ADD, 5, {events=0, data=0}) = 0", "op ignores the upper half of the word");

	struct fake_mem mem = { .n = 0 };
	struct syscall_call c = fake_call(&abi_i386, "epoll_ctl", &mem);
	c.args[0] = 0xffffffff;
	c.args[1] = 2;
	c.args[2] = 0xfffffffe;
	c.args[3] = 0xfffff000;
	fake_return(&c, 0);
	tap_is(render_cut(&c),
	       "epoll_ctl(-1, EPOLL_CTL_DEL, -2, 0xfffff000 <unfinished ...>\n<... epoll_ctl resumed>) = 0",
	       "i386: negative fds, 32-bit address; epoll_ctl prints nothing at exit");
	tap_is(render_abandoned(&c), "epoll_ctl(-1, EPOLL_CTL_DEL, -2, 0xfffff000) = ?",
	       "ctl decodes at entry");
	return tap_done();
}
