#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs/cpu_waits.h"
#include "procfs/proc_status.h"
#include "util/xalloc.h"

/* schedstat, read from the file at path under dir: its three fields; false when it is gone. */
static bool read_schedstat(int dir, const char *path, struct thread_cpu_wait *t)
{
	char text[96];
	int fd = openat(dir, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t got = read(fd, text, sizeof(text) - 1);
	close(fd);
	unsigned long long ran, waited, slices;
	if (got <= 0)
		return false;
	text[got] = '\0';
	if (sscanf(text, "%llu %llu %llu", &ran, &waited, &slices) != 3)
		return false;
	t->ran_ns = ran;
	t->ns = waited;
	t->slices = slices;
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
		if (!read_schedstat(dirfd(dir), path, &t))
			continue;
		t.ready = proc_task_state(t.tid) == 'R';
		out->threads = grow_array(out->threads, &out->cap, out->n, sizeof(t));
		sorted = sorted && (out->n == 0 || out->threads[out->n - 1].tid < t.tid);
		out->threads[out->n++] = t;
	}
	closedir(dir);
	/* /proc lists a process's threads in the order they were made, which wrapped tids reorder. */
	if (!sorted)
		qsort(out->threads, out->n, sizeof(out->threads[0]), by_tid);
	struct thread_cpu_wait tracer;
	if (read_schedstat(AT_FDCWD, "/proc/thread-self/schedstat", &tracer))
		out->tracer_ns = tracer.ns;
	return true;
}

const struct thread_cpu_wait *cpu_waits_find(const struct cpu_waits *w, pid_t tid)
{
	struct thread_cpu_wait key = { .tid = tid };
	return w->n ? bsearch(&key, w->threads, w->n, sizeof(key), by_tid) : NULL;
}

void cpu_waits_copy(struct cpu_waits *to, const struct cpu_waits *from)
{
	if (to->cap < from->n) {
		to->threads = xrealloc(to->threads, from->n * sizeof(from->threads[0]));
		to->cap = from->n;
	}
	if (from->n)
		memcpy(to->threads, from->threads, from->n * sizeof(from->threads[0]));
	to->n = from->n;
	to->tracer_ns = from->tracer_ns;
}

void cpu_waits_free(struct cpu_waits *w)
{
	free(w->threads);
	*w = (struct cpu_waits) { 0 };
}
