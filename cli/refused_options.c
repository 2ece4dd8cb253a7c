#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit_codes.h"
#include "cli/refused_options.h"

static const struct {
	int letter;		/* 0: long only */
	const char *name;	/* without "--"; NULL: short only */
	const char *instead;
} refused[] = {
	{ 'A', "output-append-mode", "the -o file is always written anew" },
	{ 'b', "detach-on", "epolltrace stays attached: a task left under its filter would get ENOSYS" },
	{ 'd', "debug", "epolltrace has no debug output" },
	{ 'D', "daemonize", "epolltrace stays the parent of the command it traces" },
	{ 'E', "env", "set the variables with env(1): epolltrace env VAR=VALUE COMMAND" },
	{ 'F', NULL, "threads and children are always followed" },
	{ 'i', "instruction-pointer", "use -k for the call's whole stack" },
	{ 'I', "interruptible", "-p sessions end on SIGINT, SIGTERM, SIGHUP and SIGQUIT, a command is left to the terminal" },
	{ 'n', "syscall-number", "epolltrace traces the epoll calls by name only" },
	{ 'u', "user", "run epolltrace as the user instead (with sudo -u, for example)" },
	{ 'U', "summary-columns", "-c's columns are strace's defaults" },
	{ 'x', "strings-in-hex", "epoll calls have no strings to print" },
	{ 'Y', "decode-pids", "pids are printed as they are" },
	{ 0, "seccomp-bpf", "a started command always runs under epolltrace's seccomp filter" },
	{ 0, "always-show-pid", "use -f to start every line of an -o file with the pid" },
	{ 0, "pidns-translation", "pids are printed as they are" },
	{ 0, "secontext", "epolltrace prints no SELinux contexts" },
	{ 0, "kvm", "epolltrace traces no KVM exits" },
	{ 0, "tips", "see epolltrace(1) for the options" },
	{ 0, "read", "epoll calls carry no data to dump" },
	{ 0, "write", "epoll calls carry no data to dump" },
	{ 0, "raw", "use -X raw to print constants as numbers" },
	{ 0, "verbose", "use -v to print every element" },
	{ 0, "abbrev", "use -v to print every element" },
	{ 0, "trace-fds", "use --epfd=N for an epoll instance's calls, --fd=N for an fd's" },
	{ 0, "stack-trace-frame-limit", "-k prints the whole stack" },
	{ 0, "syscall-limit", "stop tracing with Ctrl-C (-p) instead" },
	{ 0, "timestamps", "use -t, -tt or -ttt" },
	{ 0, "absolute-timestamps", "use -t, -tt or -ttt" },
};

void refuse_strace_option(int letter, const char *name, size_t name_len)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		bool by_letter = letter && refused[i].letter == letter;
		bool by_name = name && refused[i].name && strlen(refused[i].name) == name_len &&
			       strncmp(refused[i].name, name, name_len) == 0;
		if (!by_letter && !by_name)
			continue;
		if (by_letter)
			fprintf(stderr, "epolltrace: strace's -%c is not supported: %s\n", letter,
				refused[i].instead);
		else
			fprintf(stderr, "epolltrace: strace's --%.*s is not supported: %s\n",
				(int) name_len, name, refused[i].instead);
		exit(EXIT_USAGE);
	}
}
