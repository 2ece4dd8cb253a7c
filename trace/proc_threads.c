#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "trace/engine_internal.h"

int engine_take_new_threads(struct engine *e, pid_t pid,
			    bool (*take)(struct engine *e, pid_t pid, pid_t tid))
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task", (int) pid);
	DIR *dir = opendir(path);
	if (!dir)
		return -1;
	int added = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		char *end;
		long tid = strtol(de->d_name, &end, 10);
		if (*end || tid <= 0 || task_find(&e->tasks, (pid_t) tid))
			continue;
		if (take(e, pid, (pid_t) tid))
			added++;
	}
	closedir(dir);
	return added;
}
