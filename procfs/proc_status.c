#include <stdio.h>

#include "procfs/proc_status.h"

bool proc_status_read(pid_t pid, struct proc_status *st)
{
	char path[64], line[256];
	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/status", (int) pid);
	else
		snprintf(path, sizeof(path), "/proc/self/status");
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	*st = (struct proc_status) { 0 };
	while (fgets(line, sizeof(line), f)) {
		int n;
		unsigned int u;
		if (sscanf(line, "State: %c", &st->state) == 1)
			continue;
		if (sscanf(line, "Tgid: %d", &n) == 1)
			st->tgid = n;
		else if (sscanf(line, "Threads: %u", &u) == 1)
			st->threads = u;
		else if (sscanf(line, "TracerPid: %d", &n) == 1)
			st->tracer = n;
		else if (sscanf(line, "Uid: %*u %u", &u) == 1)
			st->uid = u;
		else if (sscanf(line, "Kthread: %u", &u) == 1)
			st->kthread = u != 0;
		else
			sscanf(line, "CapEff: %llx", &st->cap_eff);
	}
	fclose(f);
	return st->tgid != 0;
}

pid_t proc_tgid(pid_t tid)
{
	struct proc_status st;
	return proc_status_read(tid, &st) ? st.tgid : tid;
}
