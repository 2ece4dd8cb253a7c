/*
 * stack/: parsing /proc/PID/maps, naming a function from a file's ELF
 * symbols (this test's own binary), and strace's frame lines.
 */
#include <stdint.h>
#include <unistd.h>

#include "procfs/proc_maps.h"
#include "stack/elf_symbols.h"
#include "stack/frame_lines.h"
#include "tests/unit/tap.h"

static struct strbuf sb = STRBUF_INIT;

static const char *found(const struct proc_maps *m, uint64_t addr)
{
	const struct code_mapping *map = proc_maps_find(m, addr);
	sb_reset(&sb);
	if (!map)
		sb_puts(&sb, "none");
	else
		sb_printf(&sb, "%s +%#llx", map->path ? map->path : "(anonymous)",
			  (unsigned long long) (addr - map->start + map->offset));
	return sb_str(&sb);
}

static void check_maps(void)
{
	struct proc_maps m = { 0 };
	proc_maps_parse(&m,
		"55d0a0000000-55d0a0001000 r--p 00000000 08:01 1234                       /usr/bin/prog\n"
		"55d0a0001000-55d0a0002000 r-xp 00001000 08:01 1234                       /usr/bin/prog\n"
		"7f0000000000-7f0000010000 rwxp 00000000 00:00 0 \n"
		"7f0000020000-7f0000030000 r-xp 00028000 08:01 99                         /lib/with space.so (deleted)\n"
		"7ffd00000000-7ffd00002000 r-xp 00000000 00:00 0                          [vdso]\n"
		"garbage line\n");
	tap_is(found(&m, 0x55d0a0000800), "none", "code only: a read-only mapping is left out");
	tap_is(found(&m, 0x55d0a0001010), "/usr/bin/prog +0x1010", "an address in the text");
	tap_is(found(&m, 0x55d0a0002000), "none", "a mapping's end is not in it");
	tap_is(found(&m, 0x7f0000000010), "(anonymous) +0x10", "anonymous code is known as such");
	tap_is(found(&m, 0x7f0000020004), "/lib/with space.so (deleted) +0x28004",
	       "a path as the kernel shows it, spaces and all");
	tap_is(found(&m, 0x7ffd00000000), "(anonymous) +0", "[vdso] is code from no file");
	proc_maps_clear(&m);
	tap_is(found(&m, 0x55d0a0001010), "none", "cleared");
}

__attribute__((noinline)) int stack_marker_fn(int x);
__attribute__((noinline)) int stack_marker_fn(int x)
{
	return x * 3 + 1;
}

static const char *named(const struct elf_symbols *syms, uint64_t off)
{
	const char *name;
	uint64_t distance;
	sb_reset(&sb);
	if (syms && elf_symbols_lookup(syms, off, &name, &distance))
		sb_printf(&sb, "%s+%#llx", name, (unsigned long long) distance);
	else
		sb_puts(&sb, "none");
	return sb_str(&sb);
}

/* This binary's own function, found where the kernel mapped it. */
static void check_symbols(void)
{
	struct proc_maps m = { 0 };
	proc_maps_read(&m, getpid());
	uint64_t addr = (uint64_t) (uintptr_t) &stack_marker_fn;
	const struct code_mapping *map = proc_maps_find(&m, addr);
	tap_is(map && map->path ? "found" : "none", "found", "the test's code is in its maps");
	struct elf_symbols *syms = map ? elf_symbols_load(map->path) : NULL;
	uint64_t off = map ? addr - map->start + map->offset : 0;
	tap_is(named(syms, off), "stack_marker_fn+0", "a function's first byte");
	tap_is(named(syms, off + 3), "stack_marker_fn+0x3", "a byte inside it");
	tap_is(named(syms, UINT64_MAX), "none", "an offset outside every segment");
	elf_symbols_free(syms);
	tap_is(elf_symbols_load("/proc/self/status") ? "loaded" : "none", "none",
	       "a file that is not ELF has no symbols");
	proc_maps_clear(&m);
}

static void check_lines(void)
{
	sb_reset(&sb);
	frame_line(&sb, "/lib/libc.so.6", "epoll_wait", 0x13, 0x108ef3);
	frame_line(&sb, "/usr/bin/prog", NULL, 0, 0x1829);
	frame_line(&sb, "/usr/bin/prog", "main", 0, 0);
	frame_line_lost(&sb, "unexpected_backtracing_error", 0x7f0000000010);
	frame_line_none(&sb, "i386 processes are not supported");
	tap_is(sb_str(&sb),
	       " > /lib/libc.so.6(epoll_wait+0x13) [0x108ef3]\n"
	       " > /usr/bin/prog() [0x1829]\n"
	       " > /usr/bin/prog(main+0x0) [0x0]\n"
	       " > unexpected_backtracing_error [0x7f0000000010]\n"
	       " > (no stack trace: i386 processes are not supported)\n",
	       "strace -k's frame lines");
}

int main(void)
{
	check_maps();
	check_symbols();
	check_lines();
	sb_free(&sb);
	return tap_done();
}
