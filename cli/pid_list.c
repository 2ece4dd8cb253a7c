#include <stdlib.h>

#include "cli/pid_list.h"

bool pid_list_contains(const struct pid_list *l, pid_t pid)
{
	for (size_t i = 0; i < l->count; i++)
		if (l->pids[i] == pid)
			return true;
	return false;
}

void pid_list_add(struct pid_list *l, pid_t pid)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->pids = realloc(l->pids, l->cap * sizeof(*l->pids));
		if (!l->pids)
			abort();
	}
	l->pids[l->count++] = pid;
}

void pid_list_free(struct pid_list *l)
{
	free(l->pids);
	*l = (struct pid_list) { 0 };
}
