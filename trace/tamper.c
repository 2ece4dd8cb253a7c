#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "trace/engine.h"
#include "trace/tamper.h"
#include "trace/task.h"

/*
 * Number -1 makes the kernel skip the call after this stop, and leaves
 * the result register as it is: the call "returns" result.  i386 tasks
 * have the same registers in the 64-bit view.  Only the stopped thread's
 * registers change, so this fails only when it is gone.
 */
bool tracee_skip_call(pid_t tid, int64_t result)
{
	return ptrace(PTRACE_POKEUSER, tid, (void *) offsetof(struct user_regs_struct, orig_rax),
		      (void *) -1L) == 0 &&
	       ptrace(PTRACE_POKEUSER, tid, (void *) offsetof(struct user_regs_struct, rax),
		      (void *) (long) result) == 0;
}

bool task_skip_call(struct task *t, int64_t result)
{
	return tracee_skip_call(t->tid, result);
}

void task_signal_after_call(struct task *t, int sig)
{
	t->signal_after_call = sig;
}

void task_delay_entry(struct task *t, unsigned int usec)
{
	t->hold_usec = usec;
}

void task_delay_exit(struct task *t, unsigned int usec)
{
	t->hold_exit_usec = usec;
}
