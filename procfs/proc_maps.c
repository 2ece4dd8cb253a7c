#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/proc_maps.h"
#include "procfs/proc_text.h"
#include "util/strbuf.h"
#include "util/text_scan.h"
#include "util/xalloc.h"

/* One line: "start-end perms offset dev inode [path]"; false when it is not code. */
static bool parse_line(const char *p, struct code_mapping *out)
{
	uint64_t start, end, offset, inode;
	if (!scan_num(&p, 16, UINT64_MAX, &start) || *p++ != '-' ||
	    !scan_num(&p, 16, UINT64_MAX, &end))
		return false;
	scan_blanks(&p);
	if (strlen(p) < 4 || p[2] != 'x')
		return false;
	p += 4;
	if (!scan_num(&p, 16, UINT64_MAX, &offset) || !scan_skip_word(&p) ||
	    !scan_num(&p, 10, UINT64_MAX, &inode))
		return false;
	scan_blanks(&p);
	if (end <= start)
		return false;
	/*
	 * Code from no file is kept too, so that a frame in it (a JIT's) is
	 * known as such rather than sending every walk back to /proc.
	 */
	*out = (struct code_mapping) {
		.start = start, .end = end, .offset = offset, .inode = inode,
		.path = *p == '/' ? xstrndup(p, strcspn(p, "\n")) : NULL,
	};
	return true;
}

void proc_maps_parse(struct proc_maps *m, const char *text)
{
	proc_maps_clear(m);
	size_t cap = 0;
	for (const char *line = text; *line; ) {
		struct code_mapping map;
		if (parse_line(line, &map)) {
			m->v = grow_array(m->v, &cap, m->count, sizeof(*m->v));
			m->v[m->count++] = map;
		}
		const char *nl = strchr(line, '\n');
		if (!nl)
			break;
		line = nl + 1;
	}
	m->valid = true;
}

bool proc_maps_read(struct proc_maps *m, pid_t tid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int) tid);
	struct strbuf text = STRBUF_INIT;
	bool ok = proc_text_read(path, &text);
	if (ok)
		proc_maps_parse(m, sb_str(&text));
	else
		proc_maps_clear(m);
	sb_free(&text);
	return ok;
}

struct code_mapping *proc_maps_find(const struct proc_maps *m, uint64_t addr)
{
	size_t lo = 0, hi = m->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (addr < m->v[mid].start)
			hi = mid;
		else if (addr >= m->v[mid].end)
			lo = mid + 1;
		else
			return &m->v[mid];
	}
	return NULL;
}

/* The symbol tables belong to the tracer's file cache, not to the mappings. */
void proc_maps_clear(struct proc_maps *m)
{
	for (size_t i = 0; i < m->count; i++)
		free(m->v[i].path);
	free(m->v);
	*m = (struct proc_maps) { 0 };
}
