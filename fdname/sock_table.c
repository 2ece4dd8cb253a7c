#include <stdio.h>
#include <stdlib.h>

#include "fdname/sock_table.h"
#include "procfs/proc_text.h"

static int by_ino(const void *a, const void *b)
{
	uint64_t x = ((const struct sock_entry *) a)->ino;
	uint64_t y = ((const struct sock_entry *) b)->ino;
	return (x > y) - (x < y);
}

void sock_table_index(struct sock_table *t)
{
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), by_ino);
}

void sock_table_read(struct sock_table *t, pid_t pid)
{
	struct strbuf text = STRBUF_INIT;
	for (int proto = 0; proto < SOCK_PROTO_COUNT; proto++) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/net/%s", (int) pid,
			 sock_protos[proto].proc_file);
		/* A kernel without IPv6 has no tcp6: its sockets stay unnamed. */
		if (proc_text_read(path, &text))
			sock_table_parse(t, (enum sock_proto) proto, sb_str(&text));
	}
	sb_free(&text);
	sock_table_index(t);
}

const struct sock_entry *sock_table_find(const struct sock_table *t, uint64_t ino)
{
	struct sock_entry key = { .ino = ino };
	if (!t->n)
		return NULL;
	return bsearch(&key, t->v, t->n, sizeof(*t->v), by_ino);
}

void sock_table_free(struct sock_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	*t = (struct sock_table) { 0 };
}
