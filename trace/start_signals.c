#include <signal.h>

#include "trace/engine_internal.h"

void engine_restore_start_signals(const struct engine *e)
{
	sigprocmask(SIG_SETMASK, &e->saved_mask, NULL);
	if (e->sigchld_ignored)
		signal(SIGCHLD, SIG_IGN);
}
