/* Signals to epolltrace itself, however the engine waited for them: SIGCHLD is its own, the rest the session's. */
#include <sys/signalfd.h>
#include <unistd.h>

#include "trace/engine_internal.h"

bool engine_signal_came(struct engine *e, int sig)
{
	if (sig == SIGCHLD)
		return true;
	e->hooks.signal_received(e->hooks.ctx, sig);
	return false;
}

bool engine_read_signal_fd(struct engine *e)
{
	struct signalfd_siginfo si[8];
	ssize_t n = read(e->signal_fd, si, sizeof(si));
	bool sigchld = false;
	for (ssize_t i = 0; i < n / (ssize_t) sizeof(si[0]); i++)
		sigchld |= engine_signal_came(e, (int) si[i].ssi_signo);
	return sigchld;
}
