#include <signal.h>
#include <stdio.h>

#include "cli/tracer_signals.h"

static volatile pid_t command_pid;
static volatile sig_atomic_t terminal_stop_requested;

static void forward_to_command(int sig)
{
	if (command_pid > 0)
		kill(command_pid, sig);
}

static void ignore(int sig)
{
	(void) sig;
}

static void note_terminal_stop(int sig)
{
	(void) sig;
	terminal_stop_requested = 1;
}

/* A disposition inherited as SIG_IGN stays so, for the command's sake. */
static void catch_signal(int sig, void (*handler)(int))
{
	struct sigaction old;
	if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
		return;
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/*
 * The command dies with us (PTRACE_O_EXITKILL) and cannot run untraced
 * (its filter would answer ENOSYS), so epolltrace outlives it: SIGTERM and
 * SIGHUP go on to it; SIGINT and SIGQUIT, which the terminal sends it as
 * well, are left to it.  Handlers rather than SIG_IGN, because exec resets
 * handlers but passes SIG_IGN on to the command.
 */
void tracer_signals_install(void)
{
	catch_signal(SIGTERM, forward_to_command);
	catch_signal(SIGHUP, forward_to_command);
	catch_signal(SIGINT, ignore);
	catch_signal(SIGQUIT, ignore);
	catch_signal(SIGPIPE, ignore);
	/*
	 * Stopping at once would leave the command's SIGTSTP undelivered
	 * until after "fg", and it would then stop for good.
	 */
	catch_signal(SIGTSTP, note_terminal_stop);
	catch_signal(SIGTTIN, note_terminal_stop);
	catch_signal(SIGTTOU, note_terminal_stop);
}

void tracer_signals_set_command(pid_t pid)
{
	command_pid = pid;
}

void tracer_signals_follow_stop(void)
{
	if (!terminal_stop_requested)
		return;
	terminal_stop_requested = 0;
	fflush(NULL);
	raise(SIGSTOP);
}
