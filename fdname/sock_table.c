#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

bool sock_table_read(struct sock_table *t, pid_t pid, enum sock_proto proto)
{
	struct strbuf text = STRBUF_INIT;
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/net/%s", (int) pid, sock_protos[proto].proc_file);
	/* A kernel without IPv6 has no tcp6: its sockets stay unnamed. */
	bool read = proc_text_read(path, &text);
	if (read) {
		sock_table_parse(t, proto, sb_str(&text));
		sock_table_index(t);
	}
	sb_free(&text);
	return read;
}

int sock_proto_by_label(const char *label)
{
	for (int proto = 0; proto < SOCK_PROTO_COUNT; proto++) {
		size_t n = strlen(sock_protos[proto].label);
		/* UNIX sockets say their type too: "UNIX-STREAM". */
		if (strncmp(sock_protos[proto].label, label, n) == 0 &&
		    (label[n] == '\0' || label[n] == '-'))
			return proto;
	}
	return -1;
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
