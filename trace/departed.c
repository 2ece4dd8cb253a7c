#include "trace/engine_internal.h"

void engine_remember_departed(struct engine *e, pid_t tid)
{
	size_t n = sizeof(e->departed) / sizeof(e->departed[0]);
	e->departed[e->departed_next++ % n] = tid;
}

bool engine_forget_departed(struct engine *e, pid_t tid)
{
	for (size_t i = 0; i < sizeof(e->departed) / sizeof(e->departed[0]); i++) {
		if (e->departed[i] == tid) {
			e->departed[i] = 0;
			return true;
		}
	}
	return false;
}
