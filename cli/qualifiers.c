#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/exit_codes.h"
#include "cli/qualifiers.h"
#include "decode/signals.h"

/* A member of one of strace's sets, and its bits. */
struct set_name {
	const char *name;
	uint64_t bits;
};

#define NAMES_OF(array) (array), sizeof(array) / sizeof((array)[0])

static const struct set_name quiet_names[] = {
	{ "attach", QUIET_ATTACH },
	{ "exit", QUIET_EXIT },
	{ "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLVE },
	{ "personality", QUIET_PERSONALITY },
	{ "superseded", QUIET_THREAD_EXECVE },
	{ "thread-execve", QUIET_THREAD_EXECVE },
};

static const struct set_name status_names[] = {
	{ "successful", STATUS_SUCCESSFUL },
	{ "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED },
	{ "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

static const struct set_name decode_fd_names[] = {
	{ "path", DECODE_FD_PATH },
	{ "socket", DECODE_FD_SOCKET },
	{ "dev", DECODE_FD_DEV },
	{ "eventfd", DECODE_FD_EVENTFD },
	{ "pidfd", DECODE_FD_PIDFD },
	{ "signalfd", DECODE_FD_SIGNALFD },
};

static _Noreturn void invalid_member(const char *what, const char *item,
				     const struct set_name *names, size_t n)
{
	fprintf(stderr, "epolltrace: invalid %s '%s': give", what, item);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s %s", i ? "," : "", names[i].name);
	fputs(", all or none\n", stderr);
	exit(EXIT_USAGE);
}

static uint64_t named_member(const char *item, const struct set_name *names, size_t n,
			     const char *what)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(item, names[i].name) == 0)
			return names[i].bits;
	invalid_member(what, item, names, n);
}

/*
 * [!][!]...NAME[,NAME...], "all" or "none", as strace reads a set: member
 * gives an item's bits (or exits), all is the whole set.
 */
static uint64_t parse_set(const char *list, uint64_t all,
			  uint64_t (*member)(const char *item, const void *ctx), const void *ctx)
{
	bool invert = false;
	for (; *list == '!'; list++)
		invert = !invert;
	uint64_t set = 0;
	if (strcmp(list, "all") == 0) {
		set = all;
	} else if (strcmp(list, "none") != 0) {
		char *copy = strdup(list);
		if (!copy)
			abort();
		char *save = NULL;
		for (char *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save))
			set |= member(item, ctx);
		free(copy);
	}
	return invert ? all & ~set : set;
}

struct named_set {
	const struct set_name *names;
	size_t n;
	const char *what;
};

static uint64_t table_member(const char *item, const void *ctx)
{
	const struct named_set *t = ctx;
	return named_member(item, t->names, t->n, t->what);
}

static uint64_t parse_named_set(const char *list, const struct set_name *names, size_t n,
				const char *what)
{
	uint64_t all = 0;
	for (size_t i = 0; i < n; i++)
		all |= names[i].bits;
	struct named_set t = { names, n, what };
	return parse_set(list, all, table_member, &t);
}

void qualify_quiet(struct options *o, const char *list, struct qualifiers_seen *seen)
{
	o->quiet = (unsigned int) parse_named_set(list, NAMES_OF(quiet_names), "quiet");
	seen->quiet = true;
}

void qualify_status(struct options *o, const char *list, struct qualifiers_seen *seen)
{
	(void) seen;
	o->statuses = (unsigned int) parse_named_set(list, NAMES_OF(status_names), "status");
}

void qualify_decode_fds(struct options *o, const char *list, struct qualifiers_seen *seen)
{
	(void) seen;
	o->decode_fds = (unsigned int) parse_named_set(list, NAMES_OF(decode_fd_names),
						       "decode-fds");
}

int parse_signal(const char *item)
{
	char *end;
	long sig = strtol(item, &end, 10);
	if (end == item || *end)
		sig = signal_by_name(item);
	if (sig < 1 || sig > SIGNAL_RT_MAX) {
		fprintf(stderr, "epolltrace: invalid signal '%s': give a name (USR1 or SIGUSR1) or a number from 1 to %d\n",
			item, SIGNAL_RT_MAX);
		exit(EXIT_USAGE);
	}
	return (int) sig;
}

static uint64_t signal_member(const char *item, const void *ctx)
{
	(void) ctx;
	return UINT64_C(1) << (parse_signal(item) - 1);
}

void qualify_signals(struct options *o, const char *list, struct qualifiers_seen *seen)
{
	(void) seen;
	o->signals = parse_set(list, UINT64_MAX, signal_member, NULL);
}

unsigned int quiet_of_count(unsigned int count)
{
	switch (count) {
	case 0: return 0;
	case 1: return QUIET_ATTACH | QUIET_PERSONALITY;
	case 2: return QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT;
	default: return QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT | QUIET_PATH_RESOLVE |
			QUIET_THREAD_EXECVE;
	}
}

static void select_syscall(bool *set, const char *name, bool on, const char *what)
{
	if (strcmp(name, "all") == 0) {
		for (size_t i = 0; i < nsyscall_descs; i++)
			set[i] = on;
		return;
	}
	int i = syscall_desc_index(name);
	if (i >= 0) {
		set[i] = on;
		return;
	}
	fprintf(stderr, "epolltrace: invalid system call '%s' in -e %s: epolltrace traces",
		name, what);
	for (size_t i = 0; i < nsyscall_descs; i++)
		fprintf(stderr, "%s %s", i ? "," : "", syscall_descs[i]->name);
	fputs(" (or all)\n", stderr);
	exit(EXIT_USAGE);
}

void parse_syscall_set(const char *expr, bool set[NSYSCALL_DECODERS], const char *what)
{
	bool negate = *expr == '!';
	if (negate)
		expr++;
	for (size_t i = 0; i < nsyscall_descs; i++)
		set[i] = negate;
	char *list = strdup(expr);
	if (!list)
		abort();
	char *save = NULL;
	size_t names = 0;
	for (char *name = strtok_r(list, ",", &save); name; name = strtok_r(NULL, ",", &save), names++)
		select_syscall(set, name, !negate, what);
	/* As strace: "trace=" and "trace=," name no call, and are refused whole. */
	if (names == 0)
		select_syscall(set, expr, !negate, what);
	free(list);
}

void qualify_trace(struct options *o, const char *expr, struct qualifiers_seen *seen)
{
	(void) seen;
	parse_syscall_set(expr, o->traced, "trace");
}

/* strace's qualifiers and their short names. */
static const struct {
	const char *name;
	void (*take)(struct options *o, const char *value, struct qualifiers_seen *seen);
} qualifiers[] = {
	{ "trace", qualify_trace }, { "t", qualify_trace },
	{ "signal", qualify_signals }, { "signals", qualify_signals }, { "s", qualify_signals },
	{ "status", qualify_status },
	{ "quiet", qualify_quiet }, { "silent", qualify_quiet }, { "silence", qualify_quiet },
	{ "q", qualify_quiet },
	{ "decode-fd", qualify_decode_fds }, { "decode-fds", qualify_decode_fds },
	{ "inject", qualify_inject }, { "fault", qualify_fault },
};

/* strace's qualifiers that epolltrace refuses, and what it does instead. */
static const struct {
	const char *name;
	const char *instead;
} refused[] = {
	{ "abbrev", "use -v to print every element" },
	{ "a", "use -v to print every element" },
	{ "verbose", "use -v to print every element" },
	{ "v", "use -v to print every element" },
	{ "raw", "use -X raw to print constants as numbers" },
	{ "x", "use -X raw to print constants as numbers" },
	{ "read", "epoll calls carry no data to dump" },
	{ "reads", "epoll calls carry no data to dump" },
	{ "r", "epoll calls carry no data to dump" },
	{ "write", "epoll calls carry no data to dump" },
	{ "writes", "epoll calls carry no data to dump" },
	{ "w", "epoll calls carry no data to dump" },
	{ "trace-fd", "use --epfd=N for an epoll instance's calls, --fd=N for an fd's" },
	{ "trace-fds", "use --epfd=N for an epoll instance's calls, --fd=N for an fd's" },
	{ "fd", "use --epfd=N for an epoll instance's calls, --fd=N for an fd's" },
	{ "fds", "use --epfd=N for an epoll instance's calls, --fd=N for an fd's" },
	{ "kvm", "epolltrace traces no KVM exits" },
	{ "decode-pid", "pids are printed as they are" },
	{ "decode-pids", "pids are printed as they are" },
	{ "secontext", "epolltrace prints no SELinux contexts" },
	{ "namespace", "epolltrace prints no namespace details" },
};

void qualify(struct options *o, const char *expr, struct qualifiers_seen *seen)
{
	const char *eq = strchr(expr, '=');
	if (!eq) {
		qualify_trace(o, expr, seen);
		return;
	}
	size_t len = (size_t) (eq - expr);
	const char *value = eq + 1;
	for (size_t i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]); i++) {
		if (strlen(qualifiers[i].name) == len && strncmp(expr, qualifiers[i].name, len) == 0) {
			qualifiers[i].take(o, value, seen);
			return;
		}
	}
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (strlen(refused[i].name) == len && strncmp(expr, refused[i].name, len) == 0) {
			fprintf(stderr, "epolltrace: -e %.*s= is not supported: %s\n", (int) len, expr,
				refused[i].instead);
			exit(EXIT_USAGE);
		}
	}
	/* strace takes what is not a qualifier as a list of calls: so do we. */
	qualify_trace(o, expr, seen);
}
