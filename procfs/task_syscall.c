#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/proc_status.h"
#include "procfs/proc_text.h"
#include "procfs/task_syscall.h"

static bool read_task_file(pid_t tgid, pid_t tid, const char *name, struct strbuf *text)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int) tgid, (int) tid, name);
	return proc_text_read(path, text);
}

/* "running", "-1 SP PC", or "NR ARG1 ... ARG6 SP PC" (in hex but NR). */
static bool parse_syscall(const char *text, struct task_syscall *out)
{
	*out = (struct task_syscall) { .activity = TASK_RUNNING };
	if (strncmp(text, "running", 7) == 0)
		return true;
	long nr;
	unsigned long long a[8];
	int n = sscanf(text, "%ld %llx %llx %llx %llx %llx %llx %llx %llx", &nr, &a[0], &a[1],
		       &a[2], &a[3], &a[4], &a[5], &a[6], &a[7]);
	if (n < 1)
		return false;
	if (nr < 0) {
		out->activity = TASK_OUTSIDE_CALL;
		if (n >= 3) {
			out->sp = a[0];
			out->pc = a[1];
		}
		return true;
	}
	if (n < 7)
		return false;
	out->activity = TASK_IN_CALL;
	out->nr = nr;
	for (int i = 0; i < 6; i++)
		out->args[i] = a[i];
	if (n == 9) {
		out->sp = a[6];
		out->pc = a[7];
	}
	return true;
}

bool proc_task_syscall(pid_t tgid, pid_t tid, struct task_syscall *out)
{
	struct strbuf text = STRBUF_INIT;
	bool ok = read_task_file(tgid, tid, "syscall", &text) && parse_syscall(sb_str(&text), out);
	unsigned long long cpu;
	if (ok && read_task_file(tgid, tid, "schedstat", &text) &&
	    sscanf(sb_str(&text), "%llu", &cpu) == 1)
		out->cpu_ns = cpu;
	const char *v;
	unsigned long long sleeps;
	if (ok && read_task_file(tgid, tid, "status", &text) &&
	    (v = strstr(sb_str(&text), "\nvoluntary_ctxt_switches:")) &&
	    sscanf(v, "\nvoluntary_ctxt_switches: %llu", &sleeps) == 1)
		out->sleeps = sleeps;
	char state = ok ? proc_task_state(tid) : '\0';
	/* A leader that has exited stays, a zombie, until its last thread has: it is gone. */
	if (state == 'Z' || state == 'X')
		ok = false;
	else if (state == 't')
		out->activity = TASK_TRACE_STOPPED;
	else if (state == 'D' && out->activity == TASK_OUTSIDE_CALL)
		out->activity = TASK_PAGING_IN;
	sb_free(&text);
	return ok;
}

bool proc_other_task_stopped(pid_t tgid, pid_t tid)
{
	char path[48];
	snprintf(path, sizeof(path), "/proc/%d/task", (int) tgid);
	DIR *dir = opendir(path);
	if (!dir)
		return false;
	bool stopped = false;
	struct dirent *de;
	while (!stopped && (de = readdir(dir))) {
		pid_t other = (pid_t) atoi(de->d_name);
		stopped = other > 0 && other != tid && proc_task_state(other) == 't';
	}
	closedir(dir);
	return stopped;
}

bool proc_task_wchan(pid_t tgid, pid_t tid, char *wchan, size_t size)
{
	struct strbuf text = STRBUF_INIT;
	bool ok = read_task_file(tgid, tid, "wchan", &text);
	/* "0" for a running thread, else a symbol. */
	snprintf(wchan, size, "%s", ok && strcmp(sb_str(&text), "0") != 0 ? sb_str(&text) : "");
	sb_free(&text);
	return ok;
}
