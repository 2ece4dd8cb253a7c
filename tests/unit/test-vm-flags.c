/* The VmFlags of /proc/PID/smaps: which mappings a range overlaps, and their flags. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "procfs/proc_vm_flags.h"
#include "tests/unit/tap.h"

static const char smaps[] =
	"7f0000000000-7f0000001000 rw-p 00000000 00:00 0 \n"
	"Size:                  4 kB\n"
	"VmFlags: rd wr mr mw me ac um \n"
	"7f0000001000-7f0000003000 rw-p 00000000 00:00 0 \n"
	"Size:                  8 kB\n"
	"VmFlags: rd wr mr mw me ac uw\n"
	"7f0000005000-7f0000006000 r--s 00000000 00:05 42                         /memfd:x (deleted)\n"
	"VmFlags: rd sh mr mw me ms sd ui\n"
	"7fff00000000-7fff00001000 rw-p 00000000 00:00 0                          [stack]\n"
	"VmFlags: rd wr mr mw me gd ac\n";

static const struct {
	const char *smaps;
	uint64_t start, end;
	const char *flags;
	bool want;
	const char *what;
} cases[] = {
	{ smaps, 0x7f0000000040, 0x7f000000004c, "um ui", true,
	  "an event inside a missing-pages mapping (um)" },
	{ smaps, 0x7f0000001000, 0x7f0000002000, "um ui", false,
	  "write-protection only (uw) does not stop a read" },
	{ smaps, 0x7f0000000ff8, 0x7f0000001008, "um ui", true,
	  "a range that starts in a um mapping and ends past it" },
	{ smaps, 0x7f0000005800, 0x7f0000005810, "um ui", true,
	  "minor faults (ui), after a path with spaces" },
	{ smaps, 0x7f0000003000, 0x7f0000005000, "um ui", false, "a range between mappings" },
	{ smaps, 0x7fff00000000, 0x7fff00000010, "um ui", false, "a mapping without those flags" },
	{ smaps, 0x7fff00000000, 0x7fff00000010, "g ac", true, "a flag at the end of a line (ac)" },
	{ smaps, 0x7fff00000000, 0x7fff00000010, "u", false, "a flag matches whole, never a prefix" },
	{ smaps, 0, 0, "um ui", true, "an empty range asks of every mapping" },
	{ smaps, 0, 0, "xx", false, "a flag no mapping has" },
	{ "", 0, 0, "um ui", false, "no mappings" },
	{ "VmFlags: um\n", 0, 0, "um ui", false, "flags before any mapping" },
};

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool got = vm_flags_any_in(cases[i].smaps, cases[i].start, cases[i].end,
					   cases[i].flags);
		tap_is(got ? "yes" : "no", cases[i].want ? "yes" : "no", "%s", cases[i].what);
	}
	return tap_done();
}
