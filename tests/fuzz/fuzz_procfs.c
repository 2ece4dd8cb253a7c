/*
 * libFuzzer target: the parsers of /proc text, fed arbitrary text.  The
 * first byte picks the parser: epoll fdinfo, maps, a /proc/net table
 * (whose rows are then indexed, looked up and described, as -y does), or
 * smaps (the VmFlags of a range).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fdname/sock_table.h"
#include "procfs/epoll_fdinfo.h"
#include "procfs/proc_maps.h"
#include "procfs/proc_vm_flags.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	/* The readers hand the parsers NUL-terminated text. */
	char *text = malloc(size);
	if (!text)
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	unsigned int which = data[0] % (3 + SOCK_PROTO_COUNT);
	if (which == 0) {
		struct epoll_fdinfo info = { 0 };
		epoll_fdinfo_parse(text, &info);
		for (size_t i = 0; i < info.nregs; i++)
			epoll_reg_disarmed(&info.regs[i]);
		epoll_fdinfo_free(&info);
	} else if (which == 1) {
		struct proc_maps maps = { 0 };
		proc_maps_parse(&maps, text);
		proc_maps_clear(&maps);
	} else if (which == 2 + SOCK_PROTO_COUNT) {
		vm_flags_any_in(text, 0x7f0000000000, 0x7f0000000010, "um ui");
		vm_flags_any_in(text, 0, 0, "um ui");
	} else {
		struct sock_table table = { 0 };
		sock_table_parse(&table, (enum sock_proto) (which - 2), text);
		sock_table_index(&table);
		struct strbuf out = STRBUF_INIT;
		for (size_t i = 0; i < table.n; i++) {
			const struct sock_entry *e = sock_table_find(&table, table.v[i].ino);
			if (e)
				sock_entry_describe(&out, e);
		}
		sb_free(&out);
		sock_table_free(&table);
	}
	free(text);
	return 0;
}
