/* model/fd_kind and model/reg_target: what an fd is, and ghost registrations. */
#include <sys/sysmacros.h>

#include "fdname/fd_kind.h"
#include "model/reg_target.h"
#include "tests/unit/tap.h"

static struct strbuf sb = STRBUF_INIT;
static struct sock_table socks;

static const char *kind(const char *link)
{
	sb_reset(&sb);
	fd_kind_describe(&sb, link, &socks);
	return sb_str(&sb);
}

static const char *hex(uint32_t v)
{
	sb_reset(&sb);
	sb_printf(&sb, "%#x", v);
	return sb_str(&sb);
}

static const char *target_name(enum reg_target t)
{
	static const char *const names[] = {
		[REG_TARGET_SAME] = "same", [REG_TARGET_CLOSED] = "closed",
		[REG_TARGET_REPLACED] = "replaced",
	};
	return names[t];
}

static void check_kinds(void)
{
	sock_table_parse(&socks, SOCK_PROTO_TCP,
			 "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71621 1 0 100 0 0 10 0\n");
	sock_table_parse(&socks, SOCK_PROTO_UNIX,
			 "00000000b4abeb77: 00000003 00000000 00000000 0001 03  1169\n");
	sock_table_index(&socks);

	tap_is(kind("socket:[71621]"), "TCP 127.0.0.1:8080 LISTEN", "a TCP socket in the table");
	tap_is(kind("socket:[1169]"), "UNIX", "an unnamed UNIX socket");
	tap_is(kind("socket:[5]"), "socket:[5]", "a socket in no table");
	tap_is(kind("socket:[71621"), "socket:[71621", "a malformed socket link as is");
	tap_is(kind("pipe:[4242]"), "pipe:[4242]", "pipe");
	tap_is(kind("anon_inode:[eventfd]"), "eventfd", "eventfd");
	tap_is(kind("anon_inode:[timerfd]"), "timerfd", "timerfd");
	tap_is(kind("anon_inode:[signalfd]"), "signalfd", "signalfd");
	tap_is(kind("anon_inode:[eventpoll]"), "epoll", "a nested epoll instance");
	tap_is(kind("anon_inode:[io_uring]"), "anon_inode:[io_uring]", "another anon inode");
	tap_is(kind("anon_inode:inotify"), "anon_inode:inotify", "inotify's bracketless link");
	tap_is(kind("/dev/random"), "/dev/random", "a device path");
	tap_is(kind("/tmp/a\nb (deleted)"), "/tmp/a\\nb (deleted)", "a newline in a path is escaped");
	/* strace 7.x's print_quoted_string_ex(..., "<>"): nothing can end the name or the line. */
	tap_is(kind("/tmp/x>, {events=EPOLLIN, data=0x1}) = 0 <\x9b" "31m"),
	       "/tmp/x\\76, {events=EPOLLIN, data=0x1}) = 0 \\74\\23331m",
	       "brackets and a C1 control byte in octal, three digits before a digit");
	tap_is(kind("/tmp/\"q\"\\\x01x\x7f\xff"), "/tmp/\\\"q\\\"\\\\\\1x\\177\\377",
	       "quotes, backslash, and the shortest octal before a non-digit");
	tap_is(kind("/tmp/\t\v\f\r\x1b[0m"), "/tmp/\\t\\v\\f\\r\\33[0m",
	       "strace's letter escapes, and ESC in octal");

	sb_reset(&sb);
	fd_kind_describe(&sb, "socket:[71621]", NULL);
	tap_is(sb_str(&sb), "socket:[71621]", "a socket without tables");
	tap_is(fd_link_is_epoll("anon_inode:[eventpoll]") ? "yes" : "no", "yes", "epoll link");
	tap_is(fd_link_is_epoll("anon_inode:[eventfd]") ? "yes" : "no", "no", "eventfd link");
	sock_table_free(&socks);
}

static void check_ghosts(void)
{
	tap_is(hex(kernel_dev_encode(makedev(259, 1))), "0x10300001",
	       "a disk's st_dev in the kernel's encoding");
	tap_is(hex(kernel_dev_encode(makedev(0, 9))), "0x9", "an anonymous superblock");
	tap_is(hex(kernel_dev_encode(makedev(0, 300))), "0x12c",
	       "a minor above 255, which userspace encodes differently");

	struct epoll_reg reg = { .tfd = 7, .events = 0x19, .data = 7,
				 .has_file_id = true, .ino = 0x117c5, .sdev = 0x10300001 };
	struct proc_fd now = { .fd = 7, .link = "pipe:[71621]", .ino = 0x117c5,
			       .dev = makedev(259, 1) };
	tap_is(target_name(reg_target_check(&reg, &now)), "same", "the same file");
	tap_is(target_name(reg_target_check(&reg, NULL)), "closed", "a closed fd");
	now.ino = 0x117c6;
	tap_is(target_name(reg_target_check(&reg, &now)), "replaced", "another inode");
	now.ino = 0x117c5;
	now.dev = makedev(259, 2);
	tap_is(target_name(reg_target_check(&reg, &now)), "replaced",
	       "the same inode number on another device");
	reg.has_file_id = false;
	tap_is(target_name(reg_target_check(&reg, &now)), "same",
	       "a kernel that prints no ino cannot tell");
}

int main(void)
{
	check_kinds();
	check_ghosts();
	sb_free(&sb);
	return tap_done();
}
