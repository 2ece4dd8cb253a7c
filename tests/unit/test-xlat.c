/* emit_flags and print_xval against the epoll tables, as text. */
#include "decode/epoll_consts.h"
#include "emit/emit_text.h"
#include "emit/text_values.h"
#include "tests/unit/tap.h"

static struct strbuf sb = STRBUF_INIT;

static const char *flags(const struct xlat *x, uint64_t v, const char *dflt)
{
	struct emitter em;
	sb_reset(&sb);
	emitter_text_init(&em, &sb);
	emit_flags(&em, x, v, dflt);
	return sb_str(&sb);
}

static const char *xval(const struct xlat *x, uint64_t v, const char *dflt)
{
	sb_reset(&sb);
	print_xval(&sb, x, v, dflt);
	return sb_str(&sb);
}

int main(void)
{
	const struct xlat *ev = &epoll_events_xlat;
	tap_is(flags(ev, 0x1, "EPOLL???"), "EPOLLIN", "one event bit");
	tap_is(flags(ev, 0x80000001, "EPOLL???"), "EPOLLIN|EPOLLET", "two bits");
	tap_is(flags(ev, 0x08000001, "EPOLL???"), "EPOLLIN|0x8000000", "known and unknown bits");
	tap_is(flags(ev, 0x04000000, "EPOLL???"), "0x4000000 /* EPOLL??? */", "only unknown bits");
	tap_is(flags(ev, 0, "EPOLL???"), "0", "no bits");
	tap_is(flags(ev, 0xc00, "EPOLL???"), "EPOLLMSG|0x800", "EPOLLMSG and a gap bit");
	tap_is(flags(ev, 0xffffffff, "EPOLL???"),
	       "EPOLLIN|EPOLLPRI|EPOLLOUT|EPOLLERR|EPOLLHUP|EPOLLNVAL|EPOLLRDNORM|"
	       "EPOLLRDBAND|EPOLLWRNORM|EPOLLWRBAND|EPOLLMSG|EPOLLRDHUP|"
	       "EPOLLEXCLUSIVE|EPOLLWAKEUP|EPOLLONESHOT|EPOLLET|0xfffd800",
	       "every bit, in strace's order");
	tap_is(flags(&epoll_create1_flags_xlat, 0x80000, "EPOLL_???"), "EPOLL_CLOEXEC", "EPOLL_CLOEXEC");
	tap_is(flags(&epoll_create1_flags_xlat, 0x80800, "EPOLL_???"), "EPOLL_CLOEXEC|0x800",
	       "EPOLL_CLOEXEC and an unknown flag");
	tap_is(flags(&epoll_create1_flags_xlat, 0x800, "EPOLL_???"), "0x800 /* EPOLL_??? */",
	       "unknown create1 flag");
	tap_is(xval(&epoll_ctl_ops_xlat, 1, "EPOLL_CTL_???"), "EPOLL_CTL_ADD", "op ADD");
	tap_is(xval(&epoll_ctl_ops_xlat, 2, "EPOLL_CTL_???"), "EPOLL_CTL_DEL", "op DEL");
	tap_is(xval(&epoll_ctl_ops_xlat, 3, "EPOLL_CTL_???"), "EPOLL_CTL_MOD", "op MOD");
	tap_is(xval(&epoll_ctl_ops_xlat, 0x63, "EPOLL_CTL_???"), "0x63 /* EPOLL_CTL_??? */", "unknown op");
	tap_is(xval(&epoll_ctl_ops_xlat, 0, "EPOLL_CTL_???"), "0 /* EPOLL_CTL_??? */", "op zero");
	sb_free(&sb);
	return tap_done();
}
