#include <stdio.h>

#include "model/proc_tgid.h"

pid_t proc_tgid(pid_t tid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int) tid);
	FILE *f = fopen(path, "re");
	if (!f)
		return tid;
	int tgid = 0;
	while (fgets(line, sizeof(line), f) && sscanf(line, "Tgid: %d", &tgid) != 1)
		;
	fclose(f);
	return tgid > 0 ? (pid_t) tgid : tid;
}
