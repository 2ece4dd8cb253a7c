/* State shared by the engine's files; nothing outside trace/ includes it. */
#ifndef EPOLLTRACE_TRACE_ENGINE_INTERNAL_H
#define EPOLLTRACE_TRACE_ENGINE_INTERNAL_H

#include <seccomp.h>

#include "trace/engine.h"
#include "trace/task.h"

struct engine {
	struct engine_hooks hooks;
	struct task_table tasks;
	scmp_filter_ctx filter;
	/* Under the seccomp filter only trapped calls stop; else every call does. */
	bool seccomp_mode;
	pid_t first_child;
	int first_status;
	bool first_child_done;
};

#endif
