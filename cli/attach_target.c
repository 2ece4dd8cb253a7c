#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/attach_target.h"
#include "cli/exit_codes.h"
#include "procfs/proc_status.h"

static int complain(int code, pid_t pid, const char *fmt, const char *detail)
{
	fprintf(stderr, "epolltrace: cannot attach to pid %d: ", (int) pid);
	fprintf(stderr, fmt, detail);
	fputc('\n', stderr);
	return code;
}

/* A leader that called pthread_exit shows Z while its threads live on. */
static bool is_zombie(const struct proc_status *st)
{
	return (st->state == 'Z' || st->state == 'X') && st->threads <= 1;
}

bool attach_target_ended(pid_t pid)
{
	struct proc_status st;
	return !proc_status_read(pid, &st) || is_zombie(&st);
}

static int check_pid(pid_t pid, pid_t *process, bool quiet_if_ended)
{
	struct proc_status st;
	if (!proc_status_read(pid, &st))
		return quiet_if_ended ? EXIT_NO_TARGET
				      : complain(EXIT_NO_TARGET, pid, "%s",
						 "no such process; check the number with ps or pgrep");
	if (st.tgid == getpid())
		return complain(EXIT_SELF, pid, "%s", "it is epolltrace itself");
	if (is_zombie(&st))
		return quiet_if_ended ? EXIT_NO_TARGET
				      : complain(EXIT_ZOMBIE, pid, "%s",
						 "it is a zombie: it has exited and waits for its parent to reap it");
	if (st.kthread)
		return complain(EXIT_NO_PERMISSION, pid, "%s",
				"it is a kernel thread, which cannot be traced; give the PID of a program");
	/* Named twice, or through two of its threads: the caller merges them. */
	if (st.tracer && st.tracer != getpid()) {
		char comm[64], detail[128];
		proc_comm_read(st.tracer, comm, sizeof(comm));
		snprintf(detail, sizeof(detail), "%d (%s)", (int) st.tracer, comm);
		return complain(EXIT_ALREADY_TRACED, pid,
				"already traced by pid %s; stop that tracer first", detail);
	}
	*process = st.tgid;
	return 0;
}

int attach_target_check(const char *text, pid_t *process)
{
	char *end;
	errno = 0;
	long n = strtol(text, &end, 10);
	if (errno || end == text || *end || n <= 0 || n > INT_MAX) {
		fprintf(stderr, "epolltrace: invalid process ID '%s' in -p: give a number, as in -p 1234\n",
			text);
		return EXIT_USAGE;
	}
	return check_pid((pid_t) n, process, false);
}

int attach_target_check_descendant(pid_t pid, pid_t *process)
{
	return check_pid(pid, process, true);
}

static int read_yama_scope(void)
{
	FILE *f = fopen("/proc/sys/kernel/yama/ptrace_scope", "re");
	int scope = -1;
	if (f) {
		if (fscanf(f, "%d", &scope) != 1)
			scope = -1;
		fclose(f);
	}
	return scope;
}

#define CAP_SYS_PTRACE_BIT 19

/* EPERM has three usual causes; say which one applies here. */
static int explain_denied(pid_t pid)
{
	struct proc_status target, self;
	bool known = proc_status_read(pid, &target) && proc_status_read(0, &self);
	bool privileged = known && (self.cap_eff >> CAP_SYS_PTRACE_BIT) & 1;
	if (known && !privileged && target.uid != geteuid()) {
		char detail[160];
		struct passwd *pw = getpwuid(target.uid);
		snprintf(detail, sizeof(detail), "%s (uid %u)", pw ? pw->pw_name : "?",
			 (unsigned int) target.uid);
		return complain(EXIT_NO_PERMISSION, pid,
				"permission denied: it belongs to user %s; run epolltrace as that user or as root",
				detail);
	}
	int scope = read_yama_scope();
	/* Scope 3 forbids every attach, even root's; 1 and 2 spare CAP_SYS_PTRACE. */
	if (scope == 3 || (scope > 0 && !privileged)) {
		char detail[16];
		snprintf(detail, sizeof(detail), "%d", scope);
		return complain(EXIT_NO_PERMISSION, pid,
				"permission denied by Yama: kernel.yama.ptrace_scope is %s; run as root, or set it to 0",
				detail);
	}
	if (privileged)
		return complain(EXIT_NO_PERMISSION, pid, "%s",
				"permission denied although epolltrace has CAP_SYS_PTRACE: a security module (such as AppArmor or SELinux) or a sandbox protects it");
	return complain(EXIT_NO_PERMISSION, pid, "%s",
			"permission denied: it is not dumpable, or epolltrace lacks CAP_SYS_PTRACE; run as root");
}

int attach_target_explain_failure(pid_t pid, int err)
{
	if (err == EPERM)
		return explain_denied(pid);
	if (err == ESRCH)
		return complain(EXIT_NO_TARGET, pid, "%s", "it exited meanwhile");
	return complain(EXIT_OS, pid, "%s", strerror(err));
}
