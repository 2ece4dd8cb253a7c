#include <stdio.h>
#include <string.h>

#include "procfs/proc_status.h"
#include "procfs/proc_text.h"

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

void proc_comm_read(pid_t pid, char *comm, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/comm", (int) pid);
	FILE *f = fopen(path, "re");
	comm[0] = '\0';
	if (f) {
		if (fgets(comm, (int) size, f))
			comm[strcspn(comm, "\n")] = '\0';
		fclose(f);
	}
	if (!comm[0])
		snprintf(comm, size, "?");
}

pid_t proc_tgid(pid_t tid)
{
	struct proc_status st;
	return proc_status_read(tid, &st) ? st.tgid : tid;
}

/*
 * /proc/TID/stat, not status: one short read, as the spin policy asks this
 * of several threads a hundred times a second.  The state letter follows
 * the last ')', since the command name may hold one.
 */
char proc_task_state(pid_t tid)
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int) tid);
	struct strbuf text = STRBUF_INIT;
	char state = '\0';
	if (proc_text_read(path, &text)) {
		const char *paren = strrchr(sb_str(&text), ')');
		if (paren && paren[1] == ' ')
			state = paren[2];
	}
	sb_free(&text);
	return state;
}
