#include <stdio.h>
#include <unistd.h>

#include "app/tracer_signals.h"

static bool terminal_stop_requested;

/* Those that end a -p session; a started command decides for itself. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
/* A started command cannot outlive us, so we stop with it, not before. */
static const int terminal_stop_signals[] = { SIGTSTP, SIGTTIN, SIGTTOU };

static bool ignored_at_start(int sig)
{
	struct sigaction old;
	return sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN;
}

static void add_unignored(sigset_t *set, const int *sigs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ignored_at_start(sigs[i]))
			sigaddset(set, sigs[i]);
}

/* Stops epolltrace by sig now; the shell sees its job stopped, as untraced. */
static void stop_self(int sig)
{
	fflush(NULL);
	/* The engine blocks it; unblocked, its default action stops us at once. */
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	raise(sig);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void ignore(int sig)
{
	(void) sig;
}

/*
 * Under -p they end the session even when ignored at start, as strace's:
 * a script's background job starts with SIGINT and SIGQUIT ignored, and
 * its "kill -INT" must still detach.  No command inherits the handler.
 */
static void unignore_ending_signals(void)
{
	struct sigaction sa = { .sa_handler = ignore };
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(ending_signals) / sizeof(ending_signals[0]); i++)
		if (ignored_at_start(ending_signals[i]))
			sigaction(ending_signals[i], &sa, NULL);
}

void tracer_signals_watch(sigset_t *watched, bool attaching)
{
	sigemptyset(watched);
	if (attaching)
		unignore_ending_signals();
	add_unignored(watched, ending_signals, sizeof(ending_signals) / sizeof(ending_signals[0]));
	add_unignored(watched, (const int[]) { DUMP_SIGNAL }, 1);
	if (!attaching)
		add_unignored(watched, terminal_stop_signals,
			      sizeof(terminal_stop_signals) / sizeof(terminal_stop_signals[0]));
	/*
	 * A closed output must not kill us and the command with us: writes
	 * fail with EPIPE instead.  A handler, not SIG_IGN, because exec
	 * resets handlers but passes SIG_IGN on to the command.
	 */
	if (!ignored_at_start(SIGPIPE)) {
		struct sigaction sa = { .sa_handler = ignore };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGPIPE, &sa, NULL);
	}
}

void tracer_signals_handle(struct engine *e, int sig, bool attaching)
{
	if (attaching) {
		engine_detach_all(e);
		return;
	}
	switch (sig) {
	case SIGTERM:
	case SIGHUP:
		/* The command dies with us (EXITKILL) and cannot run untraced. */
		kill(engine_command_pid(e), sig);
		break;
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		/*
		 * The terminal signals its process group one task at a time:
		 * a tracee's stop may have been seen before our copy came.
		 */
		if (engine_our_group_stop_signal(e))
			stop_self(sig);
		else
			terminal_stop_requested = true;
		break;
	default:
		/* SIGINT, SIGQUIT: the terminal sent them to the command too. */
		break;
	}
}

void tracer_signals_follow_stop(int sig)
{
	/* Any group-stop answers the request: one the command ignored must not linger. */
	bool requested = terminal_stop_requested;
	terminal_stop_requested = false;
	if (requested && sig != SIGSTOP)
		stop_self(sig);
}
