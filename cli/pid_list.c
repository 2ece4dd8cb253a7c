#include <stdlib.h>

#include "cli/pid_list.h"
#include "util/xalloc.h"

bool pid_list_contains(const struct pid_list *l, pid_t pid)
{
	for (size_t i = 0; i < l->count; i++)
		if (l->pids[i] == pid)
			return true;
	return false;
}

void pid_list_add(struct pid_list *l, pid_t pid)
{
	l->pids = grow_array(l->pids, &l->cap, l->count, sizeof(*l->pids));
	l->pids[l->count++] = pid;
}

void pid_list_free(struct pid_list *l)
{
	free(l->pids);
	*l = (struct pid_list) { 0 };
}
