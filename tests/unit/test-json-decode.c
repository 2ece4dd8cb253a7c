/* Every syscall's decoder fed bytes, through the JSON emitter. */
#include <signal.h>
#include <string.h>

#include "decode/siginfo.h"
#include "emit/emit_json.h"
#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

#define BUF 0x1000
#define MASK 0x2000
#define TS 0x3000

static unsigned char buf[8 * 16];
static unsigned char mask[8];
static unsigned char ts[16];
static struct fake_mem mem;

static void reset_mem(size_t buf_len)
{
	mem.n = 0;
	fake_mem_add(&mem, BUF, buf, buf_len);
	fake_mem_add(&mem, MASK, mask, sizeof(mask));
	fake_mem_add(&mem, TS, ts, sizeof(ts));
}

static struct syscall_call call_of(const struct abi *abi, const char *name, uint64_t a0,
				   uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct syscall_call c = fake_call(abi, name, &mem);
	c.args[0] = a0;
	c.args[1] = a1;
	c.args[2] = a2;
	c.args[3] = a3;
	return c;
}

static void creates(void)
{
	reset_mem(0);
	struct syscall_call c = call_of(&abi_x86_64, "epoll_create", 1, 0, 0, 0);
	fake_return(&c, 3);
	tap_is(render_json(&c), "{\"args\":{\"size\":1},\"ret\":3,\"errno\":null}", "epoll_create");
	c.args[0] = 0xffffffff;
	fake_return(&c, -22);
	tap_is(render_json(&c), "{\"args\":{\"size\":-1},\"ret\":-1,\"errno\":\"EINVAL\"}",
	       "epoll_create: an int, and an error");
	c = call_of(&abi_x86_64, "epoll_create1", 0, 0, 0, 0);
	fake_return(&c, 4);
	tap_is(render_json(&c), "{\"args\":{\"flags\":[]},\"ret\":4,\"errno\":null}",
	       "epoll_create1: no flags is an empty list");
	c.args[0] = 0x80800;
	c.fd_names = &fake_fd_names;
	tap_is(render_json(&c),
	       "{\"args\":{\"flags\":[\"EPOLL_CLOEXEC\",\"0x800\"]},\"ret\":4,\"errno\":null,"
	       "\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "epoll_create1: unknown bits in hex; -y names the new instance");
}

static const char *ctl(const struct abi *abi, uint64_t op, uint64_t addr, size_t readable,
		       int64_t rval)
{
	reset_mem(readable);
	struct syscall_call c = call_of(abi, "epoll_ctl", 4, op, 5, addr);
	fake_return(&c, rval);
	return render_json(&c);
}

static void ctls(void)
{
	const struct abi *abis[] = { &abi_x86_64, &abi_i386 };
	for (size_t i = 0; i < 2; i++) {
		put_event(abis[i], buf, 0, 0x80000001, 0x1122334455667788ull);
		tap_is(ctl(abis[i], 1, BUF, abis[i]->epoll_event_size, -17),
		       "{\"args\":{\"epfd\":4,\"op\":\"EPOLL_CTL_ADD\",\"fd\":5,\"event\":"
		       "{\"events\":[\"EPOLLIN\",\"EPOLLET\"],\"data\":\"0x1122334455667788\"}},"
		       "\"ret\":-1,\"errno\":\"EEXIST\"}",
		       "%s: epoll_ctl ADD", abis[i]->name);
	}
	put_event(&abi_x86_64, buf, 0, 0, 0);
	tap_is(ctl(&abi_x86_64, 0x63, BUF, 12, -22),
	       "{\"args\":{\"epfd\":4,\"op\":\"0x63\",\"fd\":5,\"event\":{\"events\":[],\"data\":\"0x0\"}},"
	       "\"ret\":-1,\"errno\":\"EINVAL\"}",
	       "unknown op in hex; no events, data 0x0");
	tap_is(ctl(&abi_x86_64, 2, BUF, 12, 0),
	       "{\"args\":{\"epfd\":4,\"op\":\"EPOLL_CTL_DEL\",\"fd\":5,\"event\":null},\"ret\":0,\"errno\":null}",
	       "DEL: the ignored event is null");
	tap_is(ctl(&abi_x86_64, 3, 0, 12, -14),
	       "{\"args\":{\"epfd\":4,\"op\":\"EPOLL_CTL_MOD\",\"fd\":5,\"event\":null},\"ret\":-1,\"errno\":\"EFAULT\"}",
	       "NULL event");
	tap_is(ctl(&abi_x86_64, 1, BUF, 11, -14),
	       "{\"args\":{\"epfd\":4,\"op\":\"EPOLL_CTL_ADD\",\"fd\":5,\"event\":\"0x1000\"},\"ret\":-1,\"errno\":\"EFAULT\"}",
	       "unreadable event: its address as a string");

	reset_mem(12);
	struct syscall_call c = call_of(&abi_x86_64, "epoll_ctl", 4, 1, 9, BUF);
	c.fd_names = &fake_fd_names;
	fake_return(&c, -9);
	tap_is(render_json(&c),
	       "{\"args\":{\"epfd\":4,\"op\":\"EPOLL_CTL_ADD\",\"fd\":9,\"event\":{\"events\":[],\"data\":\"0x0\"}},"
	       "\"ret\":-1,\"errno\":\"EBADF\",\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "-y: fds stay integers, names apart, none for a closed fd");
}

static const char *wait_json(const char *name, uint64_t evs, int64_t rval)
{
	struct syscall_call c = call_of(&abi_x86_64, name, 4, evs, 8, 0);
	c.args[4] = MASK;
	c.args[5] = 8;
	c.fd_names = &fake_fd_names;
	fake_return(&c, rval);
	return render_json(&c);
}

static void waits(void)
{
	for (int i = 0; i < 5; i++)
		put_event(&abi_x86_64, buf, (size_t) i, 0x1, (uint64_t) i + 3);
	reset_mem(5 * 12);
	fake_opts.max_elems = 2;
	tap_is(wait_json("epoll_wait", BUF, 5),
	       "{\"args\":{\"epfd\":4,\"events\":[{\"events\":[\"EPOLLIN\"],\"data\":\"0x3\"},"
	       "{\"events\":[\"EPOLLIN\"],\"data\":\"0x4\"},{\"events\":[\"EPOLLIN\"],\"data\":\"0x5\"},"
	       "{\"events\":[\"EPOLLIN\"],\"data\":\"0x6\"},{\"events\":[\"EPOLLIN\"],\"data\":\"0x7\"}],"
	       "\"maxevents\":8,\"timeout\":0},\"ret\":5,\"errno\":null,"
	       "\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\",\"5\":\"pipe:[77]\"}}",
	       "every event despite -s; -y names the fd whose data an event holds");
	fake_opts.max_elems = 32;
	reset_mem(3 * 12);
	tap_is(wait_json("epoll_wait", BUF, 5),
	       "{\"args\":{\"epfd\":4,\"events\":\"0x1000\",\"maxevents\":8,\"timeout\":0},\"ret\":5,"
	       "\"errno\":null,\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "events unreadable part way: the address, and no name from those read");
	tap_is(wait_json("epoll_wait", BUF, 0),
	       "{\"args\":{\"epfd\":4,\"events\":[],\"maxevents\":8,\"timeout\":0},\"ret\":0,\"errno\":null,"
	       "\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "no events");
	tap_is(wait_json("epoll_wait", BUF, -4),
	       "{\"args\":{\"epfd\":4,\"events\":\"0x1000\",\"maxevents\":8,\"timeout\":0},\"ret\":-1,"
	       "\"errno\":\"EINTR\",\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "a failed wait: the address");
	tap_is(wait_json("epoll_wait", 0, -14),
	       "{\"args\":{\"epfd\":4,\"events\":null,\"maxevents\":8,\"timeout\":0},\"ret\":-1,"
	       "\"errno\":\"EFAULT\",\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "a NULL array");
	tap_is(wait_json("epoll_wait", BUF, -512),
	       "{\"args\":{\"epfd\":4,\"events\":\"0x1000\",\"maxevents\":8,\"timeout\":0},\"ret\":null,"
	       "\"errno\":\"ERESTARTSYS\",\"fd_names\":{\"4\":\"anon_inode:[eventpoll]\"}}",
	       "a restart code: no ret");
}

static const char *pwait(const char *name, uint64_t tmo, uint64_t sigs, uint64_t size)
{
	reset_mem(12);
	struct syscall_call c = call_of(&abi_x86_64, name, 3, BUF, 4, tmo);
	c.args[4] = sigs;
	c.args[5] = size;
	fake_return(&c, 1);
	return render_json(&c);
}

static void pwaits(void)
{
	put_event(&abi_x86_64, buf, 0, 0x2010, 0xdeadbeef);
	memset(mask, 0, sizeof(mask));
	mask[0] = 0x01;		/* SIGHUP */
	mask[1] = 0x02;		/* SIGUSR1 */
	mask[4] = 0x01;		/* SIGRT_1, the kernel's 33 */
	tap_is(pwait("epoll_pwait", 0xffffffff, MASK, 8),
	       "{\"args\":{\"epfd\":3,\"events\":[{\"events\":[\"EPOLLHUP\",\"EPOLLRDHUP\"],\"data\":\"0xdeadbeef\"}],"
	       "\"maxevents\":4,\"timeout\":-1,\"sigmask\":[\"SIGHUP\",\"SIGUSR1\",\"SIGRT_1\"],"
	       "\"sigsetsize\":8},\"ret\":1,\"errno\":null}",
	       "epoll_pwait: the mask's signals by their full names");
	memset(mask, 0xff, sizeof(mask));
	mask[0] = 0xfe;
	const char *full = pwait("epoll_pwait", 0, MASK, 8);
	tap_is(strstr(full, "\"sigmask\":[\"SIGINT\",") && strstr(full, "\"SIGRT_32\"],") ? "listed" : full,
	       "listed", "a mostly full mask lists what it holds, not what it leaves out");
	tap_is(pwait("epoll_pwait", 0, 0, 8),
	       "{\"args\":{\"epfd\":3,\"events\":[{\"events\":[\"EPOLLHUP\",\"EPOLLRDHUP\"],\"data\":\"0xdeadbeef\"}],"
	       "\"maxevents\":4,\"timeout\":0,\"sigmask\":null,\"sigsetsize\":8},\"ret\":1,\"errno\":null}",
	       "no mask is null");
	tap_is(strstr(pwait("epoll_pwait", 0, MASK, 16), "\"sigmask\":\"0x2000\",\"sigsetsize\":16")
	       ? "address" : "not", "address", "a size the kernel refuses: the address");

	int64_t sec = 2, nsec = 5000000;
	memcpy(ts, &sec, 8);
	memcpy(ts + 8, &nsec, 8);
	memset(mask, 0, sizeof(mask));
	tap_is(pwait("epoll_pwait2", TS, MASK, 8),
	       "{\"args\":{\"epfd\":3,\"events\":[{\"events\":[\"EPOLLHUP\",\"EPOLLRDHUP\"],\"data\":\"0xdeadbeef\"}],"
	       "\"maxevents\":4,\"timeout\":{\"tv_sec\":2,\"tv_nsec\":5000000},\"sigmask\":[],"
	       "\"sigsetsize\":8},\"ret\":1,\"errno\":null}",
	       "epoll_pwait2: the timespec, an empty mask");
	tap_is(strstr(pwait("epoll_pwait2", 0, 0, 0), "\"timeout\":null,\"sigmask\":null,\"sigsetsize\":0")
	       ? "nulls" : "not", "nulls", "epoll_pwait2: no timeout, no mask");
}

static void ioctls(void)
{
	uint32_t usecs = 100;
	uint16_t budget = 8;
	memcpy(buf, &usecs, 4);
	memcpy(buf + 4, &budget, 2);
	buf[6] = 1;
	buf[7] = 0x5a;
	reset_mem(8);
	struct syscall_call c = call_of(&abi_x86_64, "ioctl", 4, 0x40088a01, BUF, 0);
	fake_return(&c, 0);
	tap_is(render_json(&c),
	       "{\"args\":{\"fd\":4,\"request\":\"EPIOCSPARAMS\",\"params\":{\"busy_poll_usecs\":100,"
	       "\"busy_poll_budget\":8,\"prefer_busy_poll\":\"0x1\",\"__pad\":\"0x5a\"}},\"ret\":0,\"errno\":null}",
	       "EPIOCSPARAMS: no comment on the usecs");
	c = call_of(&abi_x86_64, "ioctl", 4, 0x80088a02, BUF, 0);
	fake_return(&c, -22);
	tap_is(render_json(&c),
	       "{\"args\":{\"fd\":4,\"request\":\"EPIOCGPARAMS\",\"params\":\"0x1000\"},\"ret\":-1,\"errno\":\"EINVAL\"}",
	       "EPIOCGPARAMS failed: the address");
}

static const char *siginfo_json(const siginfo_t *si)
{
	static struct strbuf out = STRBUF_INIT;
	struct emitter em;
	sb_reset(&out);
	emitter_json_init(&em, &out, NULL);
	emit_siginfo(&em, si);
	return sb_str(&out);
}

static void siginfos(void)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	si.si_pid = 123;
	si.si_uid = (uid_t) -1;
	tap_is(siginfo_json(&si), "{\"si_signo\":\"SIGUSR1\",\"si_code\":\"SI_USER\",\"si_pid\":123,\"si_uid\":-1}",
	       "siginfo of a kill");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSEGV;
	si.si_code = 77;
	tap_is(siginfo_json(&si), "{\"si_signo\":\"SIGSEGV\",\"si_code\":\"0x4d\",\"si_addr\":null}",
	       "unknown code in hex, NULL address");
	memset(&si, 0, sizeof(si));
	tap_is(siginfo_json(&si), "{}", "no signal");
}

int main(void)
{
	creates();
	ctls();
	waits();
	pwaits();
	ioctls();
	siginfos();
	return tap_done();
}
