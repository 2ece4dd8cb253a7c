/* ioctl EPIOCSPARAMS (decoded at entry) and EPIOCGPARAMS (at exit). */
#include <string.h>

#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

#define PARAMS 0x1000
#define SET 0x40088a01
#define GET 0x80088a02

static unsigned char params[8];

static void set_params(uint32_t usecs, uint16_t budget, uint8_t prefer, uint8_t pad)
{
	memcpy(params, &usecs, 4);
	memcpy(params + 4, &budget, 2);
	params[6] = prefer;
	params[7] = pad;
}

static struct syscall_call ioctl_call(struct fake_mem *mem, uint64_t request, uint64_t arg)
{
	mem->n = 0;
	fake_mem_add(mem, PARAMS, params, sizeof(params));
	struct syscall_call c = fake_call(&abi_x86_64, "ioctl", mem);
	c.args[0] = 4;
	c.args[1] = request;
	c.args[2] = arg;
	return c;
}

static const char *ioctl_ret(uint64_t request, uint64_t arg, int64_t rval)
{
	static struct fake_mem mem;
	struct syscall_call c = ioctl_call(&mem, request, arg);
	fake_return(&c, rval);
	return render(&c);
}

int main(void)
{
	set_params(100, 8, 1, 0);
	tap_is(ioctl_ret(SET, PARAMS, 0),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=100 /* 0.000100 s */, busy_poll_budget=8, prefer_busy_poll=0x1}) = 0",
	       "set");
	tap_is(ioctl_ret(SET, PARAMS, -22),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=100 /* 0.000100 s */, busy_poll_budget=8, prefer_busy_poll=0x1}) = -1 EINVAL (Invalid argument)",
	       "set shows its struct on failure");
	set_params(0, 0, 0, 0);
	tap_is(ioctl_ret(SET, PARAMS, 0),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=0, busy_poll_budget=0, prefer_busy_poll=0}) = 0",
	       "zeros: no comment, prefer 0");
	set_params(1500000, 64, 2, 0x5a);
	tap_is(ioctl_ret(SET, PARAMS, -22),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=1500000 /* 1.500000 s */, busy_poll_budget=64, prefer_busy_poll=0x2, __pad=0x5a}) = -1 EINVAL (Invalid argument)",
	       "seconds, nonzero pad");
	tap_is(ioctl_ret(SET, 0, -14), "ioctl(4, EPIOCSPARAMS, NULL) = -1 EFAULT (Bad address)", "set NULL");
	tap_is(ioctl_ret(SET, 0x10, -14), "ioctl(4, EPIOCSPARAMS, 0x10) = -1 EFAULT (Bad address)", "set bad pointer");
	tap_is(ioctl_ret(0xffffffff00000000ull | SET, 0, -14), "ioctl(4, EPIOCSPARAMS, NULL) = -1 EFAULT (Bad address)",
	       "request upper bits ignored");

	set_params(25, 16, 1, 0);
	tap_is(ioctl_ret(GET, PARAMS, 0),
	       "ioctl(4, EPIOCGPARAMS, {busy_poll_usecs=25 /* 0.000025 s */, busy_poll_budget=16, prefer_busy_poll=0x1}) = 0",
	       "get");
	tap_is(ioctl_ret(GET, PARAMS, -22), "ioctl(4, EPIOCGPARAMS, 0x1000) = -1 EINVAL (Invalid argument)",
	       "get prints the address on failure");
	tap_is(ioctl_ret(GET, 0, -14), "ioctl(4, EPIOCGPARAMS, NULL) = -1 EFAULT (Bad address)", "get NULL");
	tap_is(ioctl_ret(GET, 0x10, 0), "ioctl(4, EPIOCGPARAMS, 0x10) = 0", "get unreadable");

	struct fake_mem mem;
	struct syscall_call c = ioctl_call(&mem, GET, PARAMS);
	tap_is(render_abandoned(&c), "ioctl(4, EPIOCGPARAMS <unfinished ...>) = ?",
	       "get decodes at exit");
	fake_return(&c, 0);
	tap_is(render_cut(&c),
	       "ioctl(4, EPIOCGPARAMS <unfinished ...>\n<... ioctl resumed>, {busy_poll_usecs=25 /* 0.000025 s */, busy_poll_budget=16, prefer_busy_poll=0x1}) = 0",
	       "get entry stops before the struct, the exit adds it");
	c = ioctl_call(&mem, SET, PARAMS);
	tap_is(render_abandoned(&c),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=25 /* 0.000025 s */, busy_poll_budget=16, prefer_busy_poll=0x1}) = ?",
	       "set decodes at entry");
	fake_return(&c, 0);
	tap_is(render_cut(&c),
	       "ioctl(4, EPIOCSPARAMS, {busy_poll_usecs=25 /* 0.000025 s */, busy_poll_budget=16, prefer_busy_poll=0x1} <unfinished ...>\n<... ioctl resumed>) = 0",
	       "set prints nothing at exit");

	/* Every other command of type 0x8a, as strace names unknown ones. */
	tap_is(ioctl_ret(0x80088a03, 0xdeadbeefbadc0dedull, -9),
	       "ioctl(4, _IOC(_IOC_READ, 0x8a, 0x3, 0x8), 0xdeadbeefbadc0ded) = -1 EBADF (Bad file descriptor)",
	       "unknown: read");
	tap_is(ioctl_ret(0x00008a00, 0, -25),
	       "ioctl(4, _IOC(_IOC_NONE, 0x8a, 0, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)",
	       "unknown: none, zeros");
	tap_is(ioctl_ret(0x40048a1c, 0x10, -25),
	       "ioctl(4, _IOC(_IOC_WRITE, 0x8a, 0x1c, 0x4), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)",
	       "unknown: write");
	tap_is(ioctl_ret(0xc0078a01, 0x10, -25),
	       "ioctl(4, _IOC(_IOC_READ|_IOC_WRITE, 0x8a, 0x1, 0x7), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)",
	       "unknown: both directions, EPIOCSPARAMS's number with another size");
	c = ioctl_call(&mem, 0x80088a03, PARAMS);
	tap_is(render_abandoned(&c), "ioctl(4, _IOC(_IOC_READ, 0x8a, 0x3, 0x8), 0x1000) = ?",
	       "unknown decodes at entry");
	return tap_done();
}
