#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit_codes.h"
#include "cli/parse_options.h"
#include "cli/qualifiers.h"
#include "cli/refused_options.h"
#include "cli/usage.h"
#include "top/top_screen.h"
#include "util/strace_quote.h"
#include "util/xalloc.h"

/* Long enough to catch the exit stop of a call that does not block. */
#define DEFAULT_SPIN_USEC 100

static _Noreturn void usage_error(const char *fmt, const char *arg)
{
	fputs("epolltrace: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	exit(EXIT_USAGE);
}

/* strace's bound on -s: its quoted strings take four bytes a byte. */
#define STRING_LIMIT_MAX (long) (UINT_MAX / 4)

/* A whole number from min to max, or a usage error naming the option. */
static unsigned int parse_number(const char *arg, const char *opt, long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < min || v > max) {
		fprintf(stderr, "epolltrace: invalid %s argument '%s': give a whole number from %ld to %ld\n",
			opt, arg, min, max);
		exit(EXIT_USAGE);
	}
	return (unsigned int) v;
}

static unsigned int parse_count(const char *arg, const char *opt)
{
	return parse_number(arg, opt, 0, INT_MAX);
}

/* A diagnostic threshold: 0 would make a check fire at once, or never. */
static unsigned int parse_threshold(const char *arg, const char *opt)
{
	return parse_number(arg, opt, 1, INT_MAX);
}

/* Calls each comma-separated item of list with it, on a copy. */
static void for_each_item(const char *list, const char *opt,
			  void (*take)(void *dest, const char *item, const char *opt), void *dest)
{
	char *copy = strdup(list);
	if (!copy)
		abort();
	char *save = NULL;
	char *item = strtok_r(copy, ",", &save);
	if (!item) {
		fprintf(stderr, "epolltrace: %s needs a list, as in %s=%s\n", opt, opt,
			strcmp(opt, "--op") == 0 ? "add,del" : "5,7");
		exit(EXIT_USAGE);
	}
	for (; item; item = strtok_r(NULL, ",", &save))
		take(dest, item, opt);
	free(copy);
}

static void take_fd(void *dest, const char *item, const char *opt)
{
	struct fd_set_small *set = dest;
	if (set->count == CALL_FILTER_MAX_FDS)
		usage_error("too many fds in %s", opt);
	set->fds[set->count++] = (int) parse_count(item, opt);
}

static void parse_fd_list(struct fd_set_small *set, const char *list, const char *opt)
{
	for_each_item(list, opt, take_fd, set);
}

static void take_op(void *dest, const char *item, const char *opt)
{
	(void) opt;
	int op = call_filter_op_by_name(item);
	if (op < 0)
		usage_error("invalid --op '%s': give add, mod or del", item);
	*(unsigned int *) dest |= 1u << op;
}

static void parse_op_list(unsigned int *ops, const char *list)
{
	for_each_item(list, "--op", take_op, ops);
}

/* -k needs libunwind-ptrace, which configure may not have found. */
static void want_stack_traces(struct options *o)
{
#ifdef HAVE_LIBUNWIND
	o->stack_traces = true;
#else
	(void) o;
	usage_error("%s", "-k: epolltrace was built without libunwind-ptrace, so it cannot print stack traces");
#endif
}

/* -c and -C, which strace does not take together either. */
static void want_summary(struct options *o, enum summary_mode mode)
{
	if (o->summary != SUMMARY_NONE && o->summary != mode)
		usage_error("%s", "-c and -C are mutually exclusive: -c prints only the summary, -C the trace and the summary");
	o->summary = mode;
}

static void parse_sort(struct options *o, const char *name)
{
	int sort = summary_sort_by_name(name);
	if (sort < 0)
		usage_error("invalid -S '%s': give time, calls, errors, name or nothing", name);
	o->sort_by = (enum summary_sort) sort;
}

static void parse_colour(struct options *o, const char *arg)
{
	int when = colour_when_by_name(arg);
	if (when < 0)
		usage_error("invalid --color '%s': give auto, always or never", arg);
	o->colour = (enum colour_when) when;
}

/* --backend=ptrace|bpf|auto; main decides what auto means once it knows the target. */
static void parse_backend(struct options *o, const char *arg)
{
	o->backend_auto = strcmp(arg, "auto") == 0;
	if (strcmp(arg, "ptrace") == 0 || o->backend_auto)
		o->backend = BACKEND_PTRACE;
	else if (strcmp(arg, "bpf") == 0)
		o->backend = BACKEND_BPF;
	else
		usage_error("invalid --backend '%s': give ptrace, bpf or auto", arg);
}

/* -X raw|abbrev|verbose, strace's names for how constants are written. */
static void parse_const_style(struct options *o, const char *arg)
{
	static const struct {
		const char *name;
		enum const_style style;
	} styles[] = {
		{ "abbrev", CONST_ABBREV },
		{ "raw", CONST_RAW },
		{ "verbose", CONST_VERBOSE },
	};
	for (size_t i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		if (strcmp(arg, styles[i].name) == 0) {
			o->const_style = styles[i].style;
			return;
		}
	}
	usage_error("invalid -X '%s': give raw, abbrev or verbose", arg);
}

/* -y names fds; -yy (or more, as strace takes it) adds sockets' addresses and the like. */
static void want_fd_names(struct options *o)
{
	if (o->fd_names)
		o->fd_details = true;
	o->fd_names = true;
}

/*
 * -q and -e quiet= are two ways to say one thing, so only one may be
 * given.  A trace written to a file leaves the terminal to the command:
 * strace then implies -q, and so do we.
 */
static void settle_quiet(struct options *o, unsigned int qcount, const struct qualifiers_seen *seen)
{
	if (qcount && seen->quiet)
		usage_error("%s", "-q and -e quiet= (--quiet) cannot be given together: use one of them");
	if (qcount)
		o->quiet = quiet_of_count(qcount);
	else if (!seen->quiet && o->outfile && o->command)
		o->quiet = quiet_of_count(1);
}

/* --decode-fds=path is -y; any other kind asks for -yy's details. */
static void settle_decode_fds(struct options *o)
{
	if (!o->decode_fds)
		return;
	o->fd_names = true;
	o->fd_details = (o->decode_fds & ~DECODE_FD_PATH) != 0;
}

/*
 * -P: after -q and -e quiet= are known, since, as strace, epolltrace says
 * what a path given through a symbolic link was resolved into.
 */
static void settle_trace_paths(struct options *o, const char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *real = path_filter_add(&o->paths, paths[i]);
		if (!real || (o->quiet & QUIET_PATH_RESOLVE))
			continue;
		struct strbuf msg = { 0 };
		sb_puts(&msg, "epolltrace: Requested path ");
		print_strace_quoted(&msg, (const unsigned char *) paths[i], strlen(paths[i]));
		sb_puts(&msg, " resolved into ");
		print_strace_quoted(&msg, (const unsigned char *) real, strlen(real));
		fprintf(stderr, "%s\n", sb_str(&msg));
		sb_free(&msg);
	}
}

/* There can be no more -p options than arguments. */
static void add_pid_list(struct options *o, const char *list, int argc)
{
	if (!o->pid_lists) {
		o->pid_lists = calloc((size_t) argc, sizeof(*o->pid_lists));
		if (!o->pid_lists)
			abort();
	}
	o->pid_lists[o->npid_lists++] = list;
}

/* SEC: seconds, with a fraction if wanted, from min to max; in milliseconds. */
static unsigned int parse_seconds(const char *arg, const char *opt, double min, double max)
{
	char *end;
	errno = 0;
	double secs = strtod(arg, &end);
	if (errno || end == arg || *end || !(secs >= min && secs <= max)) {
		fprintf(stderr, "epolltrace: invalid %s argument '%s': give seconds from %g to %g\n",
			opt, arg, min, max);
		exit(EXIT_USAGE);
	}
	return (unsigned int) (secs * 1000 + 0.5);
}

/* --top without ncurses at build time: only --batch's text is possible. */
static void check_top(struct options *o)
{
	if (!o->top.on) {
		if (o->top.batch)
			usage_error("%s", "--batch goes with --top: give --top --batch");
		return;
	}
	if (!o->top.batch && !top_screen_built)
		usage_error("%s", "--top: epolltrace was built without ncurses, so it cannot draw the view: "
			    "use --top --batch, or install libncurses-dev and build again");
	if (o->json)
		usage_error("%s", "--top and --json cannot be combined: --top shows the figures itself");
	/* The terminal is the view's: the trace goes only where -o says. */
	if (!o->outfile && o->dump)
		usage_error("%s", "--dump under --top writes its lists into the trace, and without -o "
			    "the trace goes nowhere: add -o FILE");
	if (!o->outfile) {
		o->outfile = "/dev/null";
		o->top.trace_nowhere = true;
	}
	/* A warning's place in the view is its pane. */
	o->model.diagnose = true;
}

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "columns", required_argument, NULL, 'a' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "quiet", optional_argument, NULL, 'Q' + 256 },
	{ "silent", optional_argument, NULL, 'Q' + 256 },
	{ "silence", optional_argument, NULL, 'Q' + 256 },
	{ "signal", required_argument, NULL, 'G' + 256 },
	{ "status", required_argument, NULL, 'X' + 256 },
	{ "follow-forks", no_argument, NULL, 'F' + 512 },
	{ "output-separately", no_argument, NULL, 'f' + 256 },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "attach", required_argument, NULL, 'p' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "inject", required_argument, NULL, 'j' + 256 },
	{ "fault", required_argument, NULL, 'u' + 256 },
	{ "spin", required_argument, NULL, 'S' + 256 },
	{ "backend", required_argument, NULL, 'B' + 256 },
	{ "color", required_argument, NULL, 'K' + 256 },
	{ "colour", required_argument, NULL, 'K' + 256 },
	{ "epfd", required_argument, NULL, 'E' + 256 },
	{ "fd", required_argument, NULL, 'F' + 256 },
	{ "op", required_argument, NULL, 'O' + 256 },
	{ "relative-timestamps", no_argument, NULL, 'r' },
	{ "syscall-times", no_argument, NULL, 'T' },
	{ "decode-fds", optional_argument, NULL, 'Y' + 256 },
	{ "event-fds", no_argument, NULL, 'N' + 256 },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "trace", required_argument, NULL, 'T' + 256 },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "diagnose", no_argument, NULL, 'D' + 256 },
	{ "dump", no_argument, NULL, 'U' + 256 },
	{ "json", no_argument, NULL, 'J' + 256 },
	{ "oneshot-waits", required_argument, NULL, 'W' + 256 },
	{ "oneshot-ms", required_argument, NULL, 'M' + 256 },
	{ "repeat-waits", required_argument, NULL, 'R' + 256 },
	{ "spin-waits", required_argument, NULL, 'P' + 256 },
	{ "blocked-ms", required_argument, NULL, 'b' + 512 },
	{ "top", no_argument, NULL, 'x' + 256 },
	{ "batch", no_argument, NULL, 'b' + 256 },
	{ "interval", required_argument, NULL, 'i' + 256 },
	{ "duration", required_argument, NULL, 'd' + 256 },
	{ "children", no_argument, NULL, 'c' + 256 },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define SHORT_OPTIONS "+:o:a:s:e:p:P:vqfhVtrTzZykcCS:wX:"

/*
 * getopt_long's '?': optopt is an unknown letter, 0 for an unknown long
 * option, or the value of a known option (a letter of ours, or above 255)
 * given an argument it does not take, as in --json=1.  getopt has then
 * moved past the long option, so arg is it.
 */
static _Noreturn void invalid_option(const char *arg)
{
	size_t name_len = strcspn(arg, "=");
	if (optopt > 255 || (optopt > 0 && strchr(SHORT_OPTIONS, optopt))) {
		fprintf(stderr, "epolltrace: option '%.*s' takes no argument: see 'epolltrace --help'\n",
			(int) name_len, arg);
		exit(EXIT_USAGE);
	}
	/* One of strace's: what epolltrace does instead. */
	if (optopt)
		refuse_strace_option(optopt, NULL, 0);
	else if (strncmp(arg, "--", 2) == 0)
		refuse_strace_option(0, arg + 2, name_len - 2);
	if (optopt)
		fprintf(stderr, "epolltrace: invalid option '-%c': see 'epolltrace --help'\n", optopt);
	else
		fprintf(stderr, "epolltrace: invalid option '%.*s': see 'epolltrace --help'\n",
			(int) name_len, arg);
	exit(EXIT_USAGE);
}

void options_parse(struct options *o, int argc, char **argv)
{
	*o = (struct options) {
		.acolumn = 40,
		.max_elems = 32,
		.spin_usec = DEFAULT_SPIN_USEC,
		.model = MODEL_DEFAULT_CONFIG,
		.statuses = STATUS_ALL,
		.signals = UINT64_MAX,
		.top = { .interval_ms = 1000 },
	};
	struct qualifiers_seen seen = { 0 };
	unsigned int qcount = 0, fcount = 0;
	/* There can be no more -P options than arguments. */
	const char **paths = xcalloc((size_t) argc, sizeof(*paths));
	size_t npaths = 0;
	bool follow = false, separately = false;
	for (size_t i = 0; i < nsyscall_descs; i++)
		o->traced[i] = true;

	/* Our own messages say what went wrong. */
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, SHORT_OPTIONS, long_options, NULL)) != -1) {
		switch (c) {
		case 'o': o->outfile = optarg; break;
		case 'a': o->acolumn = parse_count(optarg, "-a"); break;
		case 's': o->max_elems = parse_number(optarg, "-s", 0, STRING_LIMIT_MAX); break;
		case 'e': qualify(o, optarg, &seen); break;
		case 'T' + 256: qualify_trace(o, optarg, &seen); break;
		case 'Q' + 256: qualify_quiet(o, optarg ? optarg : "attach,personality", &seen); break;
		case 'G' + 256: qualify_signals(o, optarg, &seen); break;
		case 'X' + 256: qualify_status(o, optarg, &seen); break;
		case 'j' + 256: qualify_inject(o, optarg, &seen); break;
		case 'u' + 256: qualify_fault(o, optarg, &seen); break;
		case 'Y' + 256: qualify_decode_fds(o, optarg ? optarg : "path", &seen); break;
		case 'S' + 256: o->spin_usec = parse_count(optarg, "--spin"); break;
		case 'B' + 256: parse_backend(o, optarg); break;
		case 'K' + 256: parse_colour(o, optarg); break;
		case 'E' + 256: parse_fd_list(&o->filter.epfds, optarg, "--epfd"); break;
		case 'F' + 256: parse_fd_list(&o->filter.fds, optarg, "--fd"); break;
		case 'O' + 256: parse_op_list(&o->filter.ops, optarg); break;
		case 'D' + 256: o->model.diagnose = true; break;
		case 'U' + 256: o->dump = true; break;
		case 'J' + 256: o->json = true; break;
		case 'x' + 256: o->top.on = true; break;
		case 'b' + 256: o->top.batch = true; break;
		case 'i' + 256: o->top.interval_ms = parse_seconds(optarg, "--interval", 0.1, 3600); break;
		case 'c' + 256: o->attach_children = true; break;
		case 'd' + 256: o->duration_ms = parse_seconds(optarg, "--duration", 0.001, 86400); break;
		case 'W' + 256: o->model.oneshot_waits = parse_threshold(optarg, "--oneshot-waits"); break;
		case 'M' + 256: o->model.oneshot_ms = parse_threshold(optarg, "--oneshot-ms"); break;
		case 'R' + 256: o->model.repeat_waits = parse_threshold(optarg, "--repeat-waits"); break;
		case 'P' + 256: o->model.spin_waits = parse_threshold(optarg, "--spin-waits"); break;
		case 'b' + 512: o->model.blocked_ms = parse_threshold(optarg, "--blocked-ms"); break;
		case 't': o->timestamps++; break;
		case 'r': o->relative_timestamps = true; break;
		case 'T': o->syscall_times = true; break;
		case 'y': want_fd_names(o); break;
		case 'N' + 256: o->event_fds = true; break;
		case 'z': o->statuses = STATUS_SUCCESSFUL; break;
		case 'k': want_stack_traces(o); break;
		case 'Z': o->statuses = STATUS_FAILED; break;
		case 'c': want_summary(o, SUMMARY_ONLY); break;
		case 'C': want_summary(o, SUMMARY_WITH_TRACE); break;
		case 'S': parse_sort(o, optarg); break;
		case 'w': o->summary_wall_clock = true; break;
		case 'p': add_pid_list(o, optarg, argc); break;
		case 'P': paths[npaths++] = optarg; break;
		case 'v': o->verbose = true; break;
		case 'X': parse_const_style(o, optarg); break;
		case 'q': qcount++; break;
		/* Every thread and child is always followed (a task left without
		   its tracer would get ENOSYS from the filter): -f says how the
		   lines of several are told apart, -ff that each has its own file. */
		case 'f': fcount++; break;
		case 'F' + 512: follow = true; break;
		case 'f' + 256: separately = true; break;
		case 'h': print_usage(stdout); exit(0);
		case 'V': print_version(stdout); exit(0);
		case ':':
			fprintf(stderr, "epolltrace: option '%s' needs an argument: see 'epolltrace --help'\n",
				argv[optind - 1]);
			exit(EXIT_USAGE);
		default:
			invalid_option(argv[optind - 1]);
		}
	}
	settle_decode_fds(o);
	/* As strace: -ff is -f and --output-separately; --follow-forks is one -f, never two. */
	o->follow_forks = fcount >= 2 || separately ? 2 : fcount || follow ? 1 : 0;
	if (o->follow_forks >= 2 && o->outfile && o->summary != SUMMARY_NONE)
		usage_error("%s", "-c or -C and -ff cannot be combined: the summary is of all tasks, so use -f");
	if (o->follow_forks >= 2 && o->outfile && o->json)
		usage_error("%s", "--json and -ff cannot be combined: JSON Lines name each call's task, so use -f");
	if (o->summary_wall_clock && o->summary == SUMMARY_NONE)
		usage_error("%s", "-w must be given with -c or -C: it says what the summary measures");
	/* -c prints no call lines, so there would be nothing to hang the stacks on. */
	if (o->stack_traces && o->summary == SUMMARY_ONLY)
		usage_error("%s", "-k and -c cannot be combined: use -k with -C to get both");
	check_top(o);
	if (o->stack_traces && o->backend == BACKEND_BPF)
		usage_error("%s", "-k and --backend=bpf cannot be combined: eBPF walks a stack by its frame pointers only, which libc and most programs are built without, so -k unwinds by DWARF under ptrace: use --backend=ptrace");
	if (o->injecting && o->backend == BACKEND_BPF)
		usage_error("%s", "-e inject= and --backend=bpf cannot be combined: calls are tampered with under ptrace only, so use --backend=ptrace");
	if (o->npid_lists && optind < argc)
		usage_error("%s", "both -p and a command given: trace either running processes or a new command");
	if (!o->npid_lists && optind >= argc)
		usage_error("%s", "no command to trace: give one, as in 'epolltrace -- COMMAND [ARGS]', or -p PID");
	/* A started command cannot go on untraced: its filter would fail its epoll calls with ENOSYS. */
	if (o->duration_ms && !o->npid_lists)
		usage_error("%s", "--duration goes with -p: a command started under epolltrace cannot run on "
			    "untraced, so bound it with timeout(1), as in 'timeout 10 epolltrace -- COMMAND'");
	if (o->attach_children && !o->npid_lists)
		usage_error("%s", "--children goes with -p: a started command's children are always traced");
	if (!o->npid_lists)
		o->command = argv + optind;
	settle_quiet(o, qcount, &seen);
	settle_trace_paths(o, paths, npaths);
	free(paths);
}
