#include <stdio.h>
#include <strings.h>

#include "decode/signals.h"

/*
 * Linux numbers these the same on x86 and the generic ABIs.  32 is the
 * kernel's SIGRTMIN (glibc reserves it), so it is named and the rest of
 * the real-time range is counted from it.
 */
static const char *const signal_names[] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
	"SIGSYS", "SIGRTMIN",
};

#define NAMED_SIGNALS ((int) (sizeof(signal_names) / sizeof(signal_names[0])))
#define RT_FIRST 32

const char *signal_name(int sig)
{
	static _Thread_local char generated[sizeof("SIGRT_") + 12];

	if (sig > 0 && sig < NAMED_SIGNALS)
		return signal_names[sig];
	if (sig > RT_FIRST && sig <= SIGNAL_RT_MAX)
		snprintf(generated, sizeof(generated), "SIGRT_%d", sig - RT_FIRST);
	else
		snprintf(generated, sizeof(generated), "%d", sig);
	return generated;
}

int signal_by_name(const char *name)
{
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (int sig = 1; sig <= SIGNAL_RT_MAX; sig++)
		if (strcasecmp(signal_name(sig) + 3, name) == 0)
			return sig;
	return -1;
}
