#include "procfs/proc_status.h"
#include "trace/tasks_running.h"

unsigned int tasks_running(const struct task_table *tt, unsigned int max_read)
{
	unsigned int read = 0, running = 0;
	for (size_t i = 0; i < tt->nbuckets && read < max_read; i++) {
		for (const struct task *t = tt->buckets[i]; t && read < max_read; t = t->next) {
			read++;
			running += proc_task_state(t->tid) == 'R';
		}
	}
	return running;
}
