#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/proc_text.h"
#include "procfs/proc_tree.h"
#include "util/xalloc.h"

/* The parent in /proc/PID/stat, after the state that follows the last ')'. */
static pid_t parent_of(pid_t pid, struct strbuf *text)
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int) pid);
	if (!proc_text_read(path, text))
		return 0;
	const char *paren = strrchr(sb_str(text), ')');
	int ppid;
	char state;
	if (!paren || sscanf(paren + 1, " %c %d", &state, &ppid) != 2)
		return 0;
	return (pid_t) ppid;
}

static size_t read_parentage(struct parentage **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	DIR *dir = opendir("/proc");
	if (!dir)
		return 0;
	struct strbuf text = STRBUF_INIT;
	struct dirent *de;
	while ((de = readdir(dir))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		if (*end || pid <= 0)
			continue;
		pid_t ppid = parent_of((pid_t) pid, &text);
		if (!ppid)
			continue;
		*out = grow_array(*out, &cap, n, sizeof(**out));
		(*out)[n++] = (struct parentage) { (pid_t) pid, ppid };
	}
	sb_free(&text);
	closedir(dir);
	return n;
}

static int by_pid(const void *a, const void *b)
{
	pid_t x = ((const struct parentage *) a)->pid, y = ((const struct parentage *) b)->pid;
	return (x > y) - (x < y);
}

size_t parentage_descendants(struct parentage *all, size_t nall, pid_t pid, pid_t **out)
{
	qsort(all, nall, sizeof(*all), by_pid);
	size_t n = 0, cap = 0;
	*out = NULL;
	/*
	 * Breadth first: each pass adds the children of the generation
	 * before.  /proc is not read at one instant: with pids reused
	 * meanwhile, the parents may make a cycle, so each process is taken
	 * once at most, and pid never.
	 */
	bool *taken = xcalloc(nall + 1, sizeof(*taken));
	pid_t parent = pid;
	for (size_t next = 0;; parent = (*out)[next++]) {
		for (size_t i = 0; i < nall; i++) {
			if (all[i].ppid != parent || all[i].pid == pid || taken[i])
				continue;
			taken[i] = true;
			*out = grow_array(*out, &cap, n, sizeof(**out));
			(*out)[n++] = all[i].pid;
		}
		if (next == n)
			break;
	}
	free(taken);
	return n;
}

size_t proc_descendants(pid_t pid, pid_t **out)
{
	struct parentage *all;
	size_t nall = read_parentage(&all);
	size_t n = parentage_descendants(all, nall, pid, out);
	free(all);
	return n;
}
