/* epoll_wait, epoll_pwait and epoll_pwait2: events, timeouts and masks. */
#include <string.h>

#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

#define EVS 0x1000
#define MASK 0x2000
#define TS 0x3000

static unsigned char events[4 * 16];
static unsigned char mask[16];
static unsigned char ts[16];

static struct fake_mem mem;

static void reset_mem(size_t nevents_readable, const struct abi *abi)
{
	mem.n = 0;
	fake_mem_add(&mem, EVS, events, nevents_readable * abi->epoll_event_size);
	fake_mem_add(&mem, MASK, mask, sizeof(mask));
	fake_mem_add(&mem, TS, ts, sizeof(ts));
}

static struct syscall_call wait_call(const struct abi *abi, const char *name,
				     uint64_t evs, uint64_t maxevents, uint64_t timeout)
{
	struct syscall_call c = fake_call(abi, name, &mem);
	c.args[0] = 3;
	c.args[1] = evs;
	c.args[2] = maxevents;
	c.args[3] = timeout;
	c.args[4] = MASK;
	c.args[5] = 8;
	return c;
}

static const char *wait_ret(const struct abi *abi, uint64_t evs, int64_t rval)
{
	struct syscall_call c = wait_call(abi, "epoll_wait", evs, 8, 0);
	fake_return(&c, rval);
	return render(&c);
}

static const char *pwait_mask(const struct abi *abi, uint64_t addr, uint64_t size, int64_t rval)
{
	struct syscall_call c = wait_call(abi, "epoll_pwait", EVS, 4, 0);
	c.args[4] = addr;
	c.args[5] = size;
	fake_return(&c, rval);
	return render(&c);
}

static void set_mask_bits(const int *signals, size_t n, bool fill)
{
	memset(mask, fill ? 0xff : 0, sizeof(mask));
	for (size_t i = 0; i < n; i++) {
		int bit = signals[i] - 1;
		mask[bit / 8] ^= (unsigned char) (1u << (bit % 8));
	}
}

static void events_and_arrays(void)
{
	const struct abi *abis[] = { &abi_x86_64, &abi_i386, &abi_riscv64 };
	for (size_t i = 0; i < sizeof(abis) / sizeof(abis[0]); i++) {
		const struct abi *abi = abis[i];
		put_event(abi, events, 0, 0x1, 7);
		put_event(abi, events, 1, 0x4, 1);
		reset_mem(2, abi);
		tap_is(wait_ret(abi, EVS, 2),
		       "epoll_wait(3, [{events=EPOLLIN, data=0x7}, {events=EPOLLOUT, data=0x1}], 8, 0) = 2",
		       "%s: two events", abi->name);
		tap_is(wait_ret(abi, EVS, -9), "epoll_wait(3, 0x1000, 8, 0) = -1 EBADF (Bad file descriptor)",
		       "%s: an error prints the array's address", abi->name);
	}
	const struct abi *abi = &abi_x86_64;
	put_event(abi, events, 0, 0x1, 7);
	put_event(abi, events, 1, 0x4, 1);
	reset_mem(2, abi);
	tap_is(wait_ret(abi, EVS, 0), "epoll_wait(3, [], 8, 0) = 0", "no events");
	tap_is(wait_ret(abi, 0, 0), "epoll_wait(3, NULL, 8, 0) = 0", "NULL array, no events");
	tap_is(wait_ret(abi, 0, -14), "epoll_wait(3, NULL, 8, 0) = -1 EFAULT (Bad address)", "NULL array, error");
	tap_is(wait_ret(abi, EVS, -512),
	       "epoll_wait(3, 0x1000, 8, 0) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
	       "interrupted wait");
	tap_is(wait_ret(abi, EVS, 3),
	       "epoll_wait(3, [{events=EPOLLIN, data=0x7}, {events=EPOLLOUT, data=0x1}, ... /* 0x1018 */], 8, 0) = 3",
	       "fault in the middle of the array");
	tap_is(wait_ret(abi, 0x5000, 2), "epoll_wait(3, 0x5000, 8, 0) = 2", "unreadable first element");

	put_event(abi, events, 2, 0x10, 3);
	reset_mem(3, abi);
	fake_opts.max_elems = 2;
	tap_is(wait_ret(abi, EVS, 3),
	       "epoll_wait(3, [{events=EPOLLIN, data=0x7}, {events=EPOLLOUT, data=0x1}, ...], 8, 0) = 3",
	       "capped at -s");
	reset_mem(2, abi);
	tap_is(wait_ret(abi, EVS, 3),
	       "epoll_wait(3, [{events=EPOLLIN, data=0x7}, {events=EPOLLOUT, data=0x1}, ... /* 0x1018 */], 8, 0) = 3",
	       "unreadable element just past the cap");
	reset_mem(3, abi);
	fake_opts.verbose = true;
	tap_is(wait_ret(abi, EVS, 3),
	       "epoll_wait(3, [{events=EPOLLIN, data=0x7}, {events=EPOLLOUT, data=0x1}, {events=EPOLLHUP, data=0x3}], 8, 0) = 3",
	       "-v prints every element");
	fake_opts.verbose = false;
	fake_opts.max_elems = 0;
	tap_is(wait_ret(abi, EVS, 1), "epoll_wait(3, [...], 8, 0) = 1", "-s 0");
	fake_opts.max_elems = 32;

	struct syscall_call c = wait_call(abi, "epoll_wait", EVS, 4, 0xffffffff);
	fake_return(&c, 1);
	tap_is(render_abandoned(&c), "epoll_wait(3 <unfinished ...>) = ?", "wait decodes at exit");
	tap_is(render_cut(&c),
	       "epoll_wait(3 <unfinished ...>\n<... epoll_wait resumed>, [{events=EPOLLIN, data=0x7}], 4, -1) = 1",
	       "wait entry: the epoll fd only; the exit adds the rest, after a comma");
	c = wait_call(&abi_i386, "epoll_wait", EVS, 0xffffffff, 0);
	fake_return(&c, -22);
	tap_is(render(&c), "epoll_wait(3, 0x1000, -1, 0) = -1 EINVAL (Invalid argument)", "negative maxevents");
}

static void sigmasks(void)
{
	const struct abi *abi = &abi_x86_64;
	put_event(abi, events, 0, 0x1, 0xdeadbeef);
	reset_mem(1, abi);
	const int rt01[] = { 32, 33 };
	set_mask_bits(rt01, 2, true);
	tap_is(pwait_mask(abi, MASK, 8, 1),
	       "epoll_pwait(3, [{events=EPOLLIN, data=0xdeadbeef}], 4, 0, ~[RTMIN RT_1], 8) = 1",
	       "inverted mask");
	const int hup_usr1[] = { 1, 10 };
	set_mask_bits(hup_usr1, 2, false);
	tap_is(pwait_mask(abi, MASK, 8, 0), "epoll_pwait(3, [], 4, 0, [HUP USR1], 8) = 0", "plain mask");
	const int rt[] = { 1, 10, 34, 64 };
	set_mask_bits(rt, 4, false);
	tap_is(pwait_mask(abi, MASK, 8, 0), "epoll_pwait(3, [], 4, 0, [HUP USR1 RT_2 RT_32], 8) = 0",
	       "real-time signals");
	set_mask_bits(NULL, 0, false);
	tap_is(pwait_mask(abi, MASK, 8, 0), "epoll_pwait(3, [], 4, 0, [], 8) = 0", "empty mask");
	set_mask_bits(NULL, 0, true);
	tap_is(pwait_mask(abi, MASK, 8, 0), "epoll_pwait(3, [], 4, 0, ~[], 8) = 0", "full mask");
	tap_is(pwait_mask(abi, 0, 8, 0), "epoll_pwait(3, [], 4, 0, NULL, 8) = 0", "NULL mask");
	tap_is(pwait_mask(abi, 0x18, 8, -14), "epoll_pwait(3, 0x1000, 4, 0, 0x18, 8) = -1 EFAULT (Bad address)",
	       "bad mask on failure");
	tap_is(pwait_mask(abi, 0x18, 8, 0), "epoll_pwait(3, [], 4, 0, 0x18, 8) = 0", "unreadable mask");
	tap_is(pwait_mask(abi, MASK, 8, -4), "epoll_pwait(3, 0x1000, 4, 0, 0x2000, 8) = -1 EINTR (Interrupted system call)",
	       "mask address on failure");
	tap_is(pwait_mask(abi, MASK, 4, 0), "epoll_pwait(3, [], 4, 0, 0x2000, 4) = 0",
	       "sigsetsize below the word size");
	tap_is(pwait_mask(abi, MASK, 16, 0), "epoll_pwait(3, [], 4, 0, 0x2000, 16) = 0",
	       "sigsetsize above the kernel's");

	/* i386 accepts a 4-byte set: one word, inverted from 21 of 32 signals. */
	const int first[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
	set_mask_bits(first, 11, true);
	memset(mask + 4, 0, 4);
	tap_is(pwait_mask(&abi_i386, MASK, 4, 0), "epoll_pwait(3, [], 4, 0, ~[HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV], 4) = 0",
	       "i386: 4-byte mask, 21 of 32 set is inverted");
	set_mask_bits(first, 12, true);
	memset(mask + 4, 0, 4);
	tap_is(pwait_mask(&abi_i386, MASK, 4, 0),
	       "epoll_pwait(3, [], 4, 0, [PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS RTMIN], 4) = 0",
	       "i386: 20 of 32 set is not inverted");
}

static void timespecs(void)
{
	const struct abi *abi = &abi_i386;
	reset_mem(0, abi);
	int64_t sec = 0, nsec = 5000000;
	memcpy(ts, &sec, 8);
	memcpy(ts + 8, &nsec, 8);
	const int hup_usr1[] = { 1, 10 };
	set_mask_bits(hup_usr1, 2, false);
	struct syscall_call c = wait_call(abi, "epoll_pwait2", EVS, 4, TS);
	fake_return(&c, 0);
	tap_is(render(&c), "epoll_pwait2(3, [], 4, {tv_sec=0, tv_nsec=5000000}, [HUP USR1], 8) = 0",
	       "i386: 64-bit timespec");
	c.args[3] = 0;
	tap_is(render(&c), "epoll_pwait2(3, [], 4, NULL, [HUP USR1], 8) = 0", "NULL timeout");
	c.args[3] = TS;
	fake_return(&c, -22);
	tap_is(render(&c), "epoll_pwait2(3, 0x1000, 4, 0x3000, 0x2000, 8) = -1 EINVAL (Invalid argument)",
	       "timeout address on failure");
	sec = -1;
	nsec = -1;
	memcpy(ts, &sec, 8);
	memcpy(ts + 8, &nsec, 8);
	fake_return(&c, 0);
	tap_is(render(&c),
	       "epoll_pwait2(3, [], 4, {tv_sec=-1, tv_nsec=18446744073709551615}, [HUP USR1], 8) = 0",
	       "negative fields");
	c.args[3] = 0x3008;
	tap_is(render(&c), "epoll_pwait2(3, [], 4, 0x3008, [HUP USR1], 8) = 0", "unreadable timeout");
}

int main(void)
{
	events_and_arrays();
	sigmasks();
	timespecs();
	return tap_done();
}
