/* emit_retval as text: results, errno names and messages, restart codes. */
#include "emit/emit_text.h"
#include "tests/unit/fake_call.h"
#include "tests/unit/tap.h"

static const char *ret(int64_t rval)
{
	static struct strbuf sb = STRBUF_INIT;
	struct fake_mem mem = { .n = 0 };
	struct syscall_call c = fake_call(&abi_x86_64, "epoll_wait", &mem);
	fake_return(&c, rval);
	struct emitter em;
	sb_reset(&sb);
	emitter_text_init(&em, &sb);
	emit_retval(&em, &c);
	return sb_str(&sb);
}

int main(void)
{
	tap_is(ret(0), "= 0", "zero");
	tap_is(ret(4), "= 4", "positive");
	tap_is(ret(-17), "= -1 EEXIST (File exists)", "EEXIST");
	tap_is(ret(-1), "= -1 EPERM (Operation not permitted)", "EPERM");
	tap_is(ret(-11), "= -1 EAGAIN (Resource temporarily unavailable)", "EAGAIN, not EWOULDBLOCK");
	tap_is(ret(-95), "= -1 EOPNOTSUPP (Operation not supported)", "EOPNOTSUPP, not ENOTSUP");
	tap_is(ret(-133), "= -1 EHWPOISON (Memory page has hardware error)", "the last errno");
	tap_is(ret(-41), "= -1 ERRNO_41 (Unknown error 41)", "a gap in the errno numbers");
	tap_is(ret(-1234), "= -1 ERRNO_1234 (Unknown error 1234)", "unknown errno");
	tap_is(ret(-512), "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)", "ERESTARTSYS");
	tap_is(ret(-513), "= ? ERESTARTNOINTR (To be restarted)", "ERESTARTNOINTR");
	tap_is(ret(-514), "= ? ERESTARTNOHAND (To be restarted if no handler)", "ERESTARTNOHAND");
	tap_is(ret(-516), "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)", "ERESTART_RESTARTBLOCK");
	tap_is(ret(-515), "= -1 ENOIOCTLCMD (Unknown error 515)", "ENOIOCTLCMD");
	tap_is(ret(-524), "= -1 ENOTSUPP (Unknown error 524)", "ENOTSUPP");
	return tap_done();
}
