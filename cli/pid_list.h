#ifndef EPOLLTRACE_CLI_PID_LIST_H
#define EPOLLTRACE_CLI_PID_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The processes -p attached to, in the order given. */
struct pid_list {
	pid_t *pids;
	size_t count;
	size_t cap;
};

bool pid_list_contains(const struct pid_list *l, pid_t pid);
void pid_list_add(struct pid_list *l, pid_t pid);
void pid_list_free(struct pid_list *l);

#endif
