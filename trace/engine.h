/*
 * The ptrace engine: starts or attaches to tracees, follows every thread
 * and child, and reports their syscall stops, signals and exits.  It knows
 * nothing about which syscalls matter or what they mean.
 */
#ifndef EPOLLTRACE_TRACE_ENGINE_H
#define EPOLLTRACE_TRACE_ENGINE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct task;

/* A syscall stop: the arguments at entry, the result at exit. */
struct syscall_stop {
	uint32_t arch;		/* AUDIT_ARCH_* */
	uint64_t nr;
	uint64_t args[6];
	int64_t rval;		/* exit only */
	bool is_error;		/* exit only */
	/* The eBPF backend, where the rule asks (fd_file): the fd's file at entry, FD_FILE_*. */
	uint8_t fd_file;
};

/* What the eBPF backend saw of an fd's file at a call's entry. */
#define FD_FILE_SEEN 1		/* the fd was looked at: the other bits say */
#define FD_FILE_SHARED 2	/* something else holds the file too: it outlives the fd */
#define FD_FILE_WATCHED 4	/* epoll watches the file */

/* Memory an argument points at, copied with the call by a backend that cannot stop it. */
struct copied_arg {
	bool on;
	unsigned char arg;
	/* At entry: bytes.  At exit: bytes for each unit of a positive result. */
	unsigned short size;
};

/* Which syscalls stop the tracee: a name, and maybe one argument's value. */
struct trap_rule {
	const char *name;
	bool match_arg;
	unsigned int arg;
	uint64_t mask;
	uint64_t value;
	/* The eBPF backend: what it copies, and whether the call can block. */
	struct copied_arg entry_copy[2], exit_copy;
	bool blocks;
	/* The eBPF backend: the file of the fd in argument fd_file_arg is looked at (syscall_stop's fd_file). */
	bool fd_file;
	unsigned char fd_file_arg;
};

/* Why the eBPF backend lost calls: its ring buffer was full, or the kernel had no memory to keep their entries. */
enum engine_loss { LOSS_RING_FULL, LOSS_NO_MEMORY, ENGINE_NLOSSES };

/* What reports the calls: ptrace stops, or an eBPF program's records. */
enum engine_backend { BACKEND_PTRACE, BACKEND_BPF };

struct engine_hooks {
	void *ctx;
	/* A new thread or child is traced. */
	void (*attached)(void *ctx, struct task *t);
	/* Entry of a trapped syscall.  Return true to be told of its exit. */
	bool (*syscall_entry)(void *ctx, struct task *t, const struct syscall_stop *s);
	void (*syscall_exit)(void *ctx, struct task *t, const struct syscall_stop *s);
	/* A signal is about to be delivered to the tracee. */
	void (*signal)(void *ctx, struct task *t, const siginfo_t *si);
	/* The tracee entered a group-stop (SIGSTOP, SIGTSTP, ...). */
	void (*group_stop)(void *ctx, struct task *t, int sig);
	/*
	 * The task has begun to exit with status (as from waitpid()), its
	 * own: a thread reaped after its process's exit_group would read
	 * the group's status.  It is still traced until exited.  May be NULL.
	 */
	void (*exiting)(void *ctx, struct task *t, int status);
	/* The task is gone: wait status as from waitpid(). */
	void (*exited)(void *ctx, struct task *t, int status);
	/*
	 * Thread former_tid called execve: its task exec_thread now has the
	 * leader's pid, and leader, no longer counted, is dropped after this.
	 */
	void (*superseded)(void *ctx, struct task *leader, struct task *exec_thread,
			   pid_t former_tid);
	/*
	 * t, with its process's pid, has completed an execve: its memory is
	 * a new program's (after superseded, when another thread called it).
	 * May be NULL.
	 */
	void (*exec)(void *ctx, struct task *t);
	/* The engine let go of a task that lives on (detach). */
	void (*detached)(void *ctx, struct task *t);
	/*
	 * A detach has every task stopped (all but one that stayed away
	 * from any stop for half a second: a thread in an uninterruptible
	 * sleep) and lets them go after this: the last look at processes
	 * that stand still.  May be NULL: each task is let go at its own
	 * stop, while the others run on.
	 */
	void (*detach_pause)(void *ctx);
	/* Called before the engine blocks waiting for the next stop. */
	void (*idle)(void *ctx);
	/* epolltrace itself got one of the watched signals. */
	void (*signal_received)(void *ctx, int sig);
	/* The descriptor engine_watch_input named can be read.  May be NULL. */
	void (*input_ready)(void *ctx);
	/* The interval engine_set_tick asked for has passed.  May be NULL. */
	void (*tick)(void *ctx);
	/*
	 * t's clone3 was made to fail with ENOSYS: its clone_args could not
	 * be copied without CLONE_UNTRACED (trace/keep_traced.h).  May be
	 * NULL.
	 */
	void (*clone3_failed)(void *ctx, struct task *t);
	/* The eBPF backend: n more calls were never reported, for the reason why. */
	void (*calls_lost)(void *ctx, uint64_t n, enum engine_loss why);
	/* ... and n signals, or threads' or processes' births, execs or ends. */
	void (*events_lost)(void *ctx, uint64_t n);
	/*
	 * The eBPF backend's table of traced processes was full: n more
	 * children of theirs are not traced, none of their calls reported.
	 */
	void (*children_untraced)(void *ctx, uint64_t n);
	/* The eBPF backend: t's call began, and the record of its end was lost. */
	void (*exit_lost)(void *ctx, struct task *t);
	/*
	 * The eBPF backend: records of process tgid were lost just before
	 * the one the hooks hear of next (after calls_lost or events_lost
	 * counted them).  May be NULL.
	 */
	void (*records_lost)(void *ctx, pid_t tgid);
};

struct engine_config {
	/* For a started command: the syscalls that stop it. */
	const struct trap_rule *rules;
	size_t nrules;
	/*
	 * Signals to epolltrace that are reported through signal_received
	 * rather than acted on; they are blocked while the engine exists.
	 */
	sigset_t watched_signals;
	/*
	 * The most to poll for the next stop before sleeping: a tracee that
	 * stops again within it is resumed without a cross-CPU wake-up.
	 * Costs CPU while the tracees run, so trace/spin.h decides when;
	 * 0 turns it off.
	 */
	unsigned int spin_usec;
	enum engine_backend backend;
	/* The eBPF backend's ring buffer: a power of two of at least a page; 0 for its default. */
	size_t bpf_ring_bytes;
};

/* The most processes the eBPF backend traces at once: children beyond are untraced. */
#define ENGINE_BPF_MAX_PROCESSES 4096

/*
 * Why the eBPF backend cannot run here (not built in, not root, no BTF,
 * ...), or NULL when it can.
 */
const char *engine_bpf_unavailable(void);

/*
 * Why the kernel refused the eBPF backend when engine_new failed with err
 * EPERM or EACCES though engine_bpf_unavailable saw no reason (lockdown,
 * a seccomp filter, a security module, the verifier); NULL for other errors.
 */
const char *engine_bpf_refused(int err);

/* Why starting a command failed; errno-style detail is in engine_error. */
enum engine_start_result {
	START_OK = 0,
	START_FILTER_FAILED,	/* the filter could not be built or loaded */
	START_FORK_FAILED,
	START_TRACE_FAILED,	/* ptrace refused */
	START_EXEC_FAILED,	/* the child could not execute the command */
};

struct engine;

/*
 * NULL with *err set when the engine's resources cannot be had (for the
 * eBPF backend, its program cannot be loaded).
 */
struct engine *engine_new(const struct engine_config *cfg, const struct engine_hooks *hooks,
			  int *err);
void engine_free(struct engine *e);

/*
 * Forks, traces and executes path with argv; on failure returns why and
 * sets *err to the errno.
 */
enum engine_start_result engine_start(struct engine *e, const char *path,
				      char *const argv[], int *err);

/*
 * Attaches to every thread of process pid and stops them at every syscall
 * (a seccomp filter cannot be added to a running process).  Returns 0, or
 * -1 with *err set when the process itself cannot be traced.  *nthreads is
 * how many threads were attached.
 */
int engine_attach(struct engine *e, pid_t pid, size_t *nthreads, int *err);

/*
 * Lets every tracee go on untraced; engine_run returns once all are gone.
 * Called again while the detach_pause hook waits, it waits no longer.
 */
void engine_detach_all(struct engine *e);

/*
 * As engine_detach_all, but every process is left stopped (SIGSTOP), the
 * children it forks meanwhile too, so that a debugger can attach.
 */
void engine_detach_all_stopped(struct engine *e);

/*
 * Runs until every tracee is gone.  Returns the started command's wait
 * status, or -1 if it could not be collected.
 */
int engine_run(struct engine *e);

/*
 * Watches fd (a terminal's keys) besides the tracees, and calls the
 * input_ready hook when it can be read; -1 stops watching.
 */
void engine_watch_input(struct engine *e, int fd);

/*
 * Calls the tick hook every interval_ms while the tracees run, busy or
 * not (0 stops it); false with errno set when no timer can be had.
 */
bool engine_set_tick(struct engine *e, unsigned int interval_ms);

/* The started command's pid, for forwarding signals to it. */
pid_t engine_command_pid(const struct engine *e);
/*
 * The signal whose group-stop holds a tracee of epolltrace's own process
 * group (which the terminal signals with us), as last seen; 0 if none.
 * Not only the command's: under -f it may have ended, its children not.
 */
int engine_our_group_stop_signal(const struct engine *e);

size_t engine_ntasks(const struct engine *e);

pid_t task_tid(const struct task *t);
/*
 * -e inject=, from within the syscall_entry hook, at the entry stop: the
 * call is not made and returns result (-errno for an error); false when
 * the task is gone.  The ptrace backend only.
 */
bool task_skip_call(struct task *t, int64_t result);
/* sig is delivered as the call returns: the hook must ask for the exit. */
void task_signal_after_call(struct task *t, int sig);
/*
 * The task stays stopped usec µs at this entry stop, or at the call's exit
 * stop (the hook must then ask for the exit), while the others run on.
 */
void task_delay_entry(struct task *t, unsigned int usec);
void task_delay_exit(struct task *t, unsigned int usec);

/* Per-task storage for the layer above; NULL until it sets it. */
void *task_user(const struct task *t);
void task_set_user(struct task *t, void *user);
/*
 * Reads tracee memory; false if any byte could not be read, with errno
 * EWOULDBLOCK when it was not tried, since it could wait for ever on a
 * page userfaultfd tracks and its handler has yet to fill.
 */
bool task_read_mem(struct task *t, uint64_t addr, void *buf, size_t len);

#endif
