#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/command_path.h"
#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/session.h"
#include "cli/tracer_signals.h"
#include "cli/trap_rules.h"
#include "trace/engine.h"

static _Noreturn void fail_with(int code, const char *what, const char *arg, const char *why)
{
	fflush(stderr);
	if (arg)
		fprintf(stderr, "epolltrace: %s '%s': %s\n", what, arg, why);
	else
		fprintf(stderr, "epolltrace: %s: %s\n", what, why);
	exit(code);
}

static _Noreturn void fail(int code, const char *what, const char *arg, int err)
{
	fail_with(code, what, arg, strerror(err));
}

/* Leaves as the command left: its exit status, or death by its signal. */
static _Noreturn void exit_like(int status)
{
	fflush(NULL);
	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	int sig = WTERMSIG(status);
	/* Our core file would only hide the command's. */
	setrlimit(RLIMIT_CORE, &(struct rlimit) { 0, 0 });
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	exit(128 + sig);
}

static const char *start_failure(enum engine_start_result r)
{
	switch (r) {
	case START_FILTER_FAILED: return "cannot install the seccomp filter in";
	case START_FORK_FAILED: return "cannot fork to run";
	case START_TRACE_FAILED: return "cannot trace";
	default: return "cannot run";
	}
}

int main(int argc, char **argv)
{
	struct options opts;
	options_parse(&opts, argc, argv);

	char *path = command_path(opts.command[0]);
	if (!path && errno == ENOENT && !strchr(opts.command[0], '/'))
		fail_with(EXIT_NOT_FOUND, "cannot run", opts.command[0],
			  "command not found in PATH");
	if (!path)
		fail(errno == EACCES ? EXIT_NOT_EXECUTABLE : EXIT_NOT_FOUND,
		     "cannot run", opts.command[0], errno);

	FILE *out = output_open(opts.outfile);
	if (!out)
		fail(EXIT_OUTPUT, "cannot open output", opts.outfile, errno);

	struct session session;
	session_init(&session, &opts, out);

	struct trap_rules rules;
	trap_rules_build(&rules, &opts);
	struct engine_config cfg = { .rules = rules.rules, .nrules = rules.count };
	struct engine_hooks hooks = session_hooks(&session);
	int err = 0;
	struct engine *engine = engine_new(&cfg, &hooks, &err);
	if (!engine)
		fail(EXIT_OS, "cannot build the seccomp filter", NULL, err);
	session.engine = engine;

	tracer_signals_install();
	enum engine_start_result r = engine_start(engine, path, opts.command, &err);
	if (r != START_OK) {
		int code = r == START_EXEC_FAILED
			? (err == ENOENT ? EXIT_NOT_FOUND : EXIT_NOT_EXECUTABLE)
			: r == START_TRACE_FAILED && err == EPERM ? EXIT_NO_PERMISSION : EXIT_OS;
		fail(code, start_failure(r), opts.command[0], err);
	}

	tracer_signals_set_command(engine_command_pid(engine));
	int status = engine_run(engine);
	if (status < 0)
		fail(EXIT_INTERNAL, "lost the exit status of", opts.command[0], ECHILD);
	engine_free(engine);
	session_free(&session);
	output_close(out);
	free(path);
	exit_like(status);
}
