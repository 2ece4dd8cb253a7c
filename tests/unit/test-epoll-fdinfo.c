/* model/epoll_fdinfo: the text of /proc/PID/fdinfo/EPFD, parsed. */
#include <inttypes.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "procfs/epoll_fdinfo.h"
#include "tests/unit/tap.h"

static struct strbuf sb = STRBUF_INIT;

/* Each registration as "tfd events data ino sdev [disarmed]", one per line. */
static const char *parsed(const char *text)
{
	struct epoll_fdinfo info = { 0 };
	epoll_fdinfo_parse(text, &info);
	sb_reset(&sb);
	if (info.has_ino)
		sb_printf(&sb, "ino=%" PRIu64 "\n", info.ino);
	for (size_t i = 0; i < info.nregs; i++) {
		const struct epoll_reg *r = &info.regs[i];
		sb_printf(&sb, "%d ", r->tfd);
		print_epoll_events(&sb, r->events);
		sb_putc(&sb, ' ');
		print_epoll_data(&sb, r->data);
		if (r->has_file_id)
			sb_printf(&sb, " ino=%#" PRIx64 " sdev=%#x", r->ino, r->sdev);
		if (epoll_reg_disarmed(r))
			sb_puts(&sb, " disarmed");
		sb_putc(&sb, '\n');
	}
	epoll_fdinfo_free(&info);
	return sb_str(&sb);
}

int main(void)
{
	tap_is(parsed("pos:\t0\nflags:\t02000002\nmnt_id:\t17\nino:\t1038\n"
		      "tfd:        6 events: 10000019 data:                6  pos:0 ino:117c5 sdev:9\n"
		      "tfd:        4 events: 40000000 data:                4  pos:0 ino:117c4 sdev:f\n"),
	       "ino=1038\n"
	       "6 EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLEXCLUSIVE 0x6 ino=0x117c5 sdev=0x9\n"
	       "4 EPOLLONESHOT 0x4 ino=0x117c4 sdev=0xf disarmed\n",
	       "a listener and a disarmed ONESHOT entry, in the kernel's order");
	tap_is(parsed("tfd:       12 events: c0000000 data: ffffffffffffffff  pos:0 ino:1 sdev:10300001\n"),
	       "12 EPOLLONESHOT|EPOLLET 0xffffffffffffffff ino=0x1 sdev=0x10300001 disarmed\n",
	       "disarmed with EPOLLET kept, all-ones data, a disk's sdev");
	tap_is(parsed("tfd:       12 events: 40000019 data: 0  pos:0 ino:1 sdev:9\n"),
	       "12 EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLONESHOT 0 ino=0x1 sdev=0x9\n",
	       "an armed ONESHOT entry, zero data");
	tap_is(parsed("tfd:        7 events:       19 data:                7  pos:0 ino:100 sdev:9\n"
		      "tfd:        7 events:       1d data:       dead000007  pos:0 ino:200 sdev:9\n"),
	       "7 EPOLLIN|EPOLLERR|EPOLLHUP 0x7 ino=0x100 sdev=0x9\n"
	       "7 EPOLLIN|EPOLLOUT|EPOLLERR|EPOLLHUP 0xdead000007 ino=0x200 sdev=0x9\n",
	       "one fd number twice: a ghost and a new registration");
	tap_is(parsed("tfd:        3 events:       19 data:                3\n"),
	       "3 EPOLLIN|EPOLLERR|EPOLLHUP 0x3\n",
	       "an old kernel's line without pos, ino and sdev");
	tap_is(parsed("tfd:        5 events: 4000000 data: 5  pos:-1 ino:a sdev:0\n"),
	       "5 0x4000000 /* EPOLL??? */ 0x5 ino=0xa sdev=0\n",
	       "unknown bits; a negative pos is skipped");
	tap_is(parsed("ino:\t77\n"), "ino=77\n", "an instance with no registrations");
	tap_is(parsed("tfd:        6 events: 19 data: 6  pos:0 ino:117c5 sdev:9"), "",
	       "a last line without its newline is cut short, left out");
	tap_is(parsed("tfd:        6 events: 19 data: 6  pos:0 ino:117c5\n"
		      "tfd:        6 events: 19 data:\n"
		      "tfd: -1 events: 19 data: 6\n"
		      "tfd: 99999999999 events: 19 data: 6\n"
		      "tfd: 8 events: 100000000 data: 6\n"
		      "tfd: 8 events: 19 data: 10000000000000000\n"
		      "tfd: 8 events: 19 data: 6 junk\n"
		      "tfd: 9 events: 1 data: 9\n"),
	       "9 EPOLLIN 0x9\n",
	       "malformed and out-of-range lines are left out, not half-used");
	tap_is(parsed(""), "", "empty text");
	sb_free(&sb);
	return tap_done();
}
