#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "procfs/cpu_waits.h"
#include "util/xalloc.h"

/* schedstat's second field, read from the file at path under dir; false when it is gone. */
static bool waited_ns(int dir, const char *path, uint64_t *ns)
{
	char text[96];
	int fd = openat(dir, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t got = read(fd, text, sizeof(text) - 1);
	close(fd);
	unsigned long long ran, waited;
	if (got <= 0)
		return false;
	text[got] = '\0';
	if (sscanf(text, "%llu %llu", &ran, &waited) != 2)
		return false;
	*ns = waited;
	return true;
}

static int by_tid(const void *a, const void *b)
{
	pid_t x = ((const struct thread_cpu_wait *) a)->tid;
	pid_t y = ((const struct thread_cpu_wait *) b)->tid;
	return (x > y) - (x < y);
}

bool proc_cpu_waits(pid_t tgid, struct cpu_waits *out)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task", (int) tgid);
	out->n = 0;
	out->tracer_ns = 0;
	DIR *dir = opendir(path);
	if (!dir)
		return false;
	bool sorted = true;
	struct dirent *de;
	while ((de = readdir(dir))) {
		struct thread_cpu_wait t = { .tid = (pid_t) atoi(de->d_name) };
		if (t.tid <= 0)
			continue;
		snprintf(path, sizeof(path), "%d/schedstat", (int) t.tid);
		if (!waited_ns(dirfd(dir), path, &t.ns))
			continue;
		out->threads = grow_array(out->threads, &out->cap, out->n, sizeof(t));
		sorted = sorted && (out->n == 0 || out->threads[out->n - 1].tid < t.tid);
		out->threads[out->n++] = t;
	}
	closedir(dir);
	/* /proc lists a process's threads in the order they were made, which wrapped tids reorder. */
	if (!sorted)
		qsort(out->threads, out->n, sizeof(out->threads[0]), by_tid);
	waited_ns(AT_FDCWD, "/proc/thread-self/schedstat", &out->tracer_ns);
	return true;
}

void cpu_waits_free(struct cpu_waits *w)
{
	free(w->threads);
	*w = (struct cpu_waits) { 0 };
}
