/* The siginfo of a delivered signal, as strace shows it on a "---" line. */
#ifndef EPOLLTRACE_DECODE_SIGINFO_H
#define EPOLLTRACE_DECODE_SIGINFO_H

#include <signal.h>

#include "decode/emitter.h"

/*
 * A struct of the fields the signal's code fills, in text
 * "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=123, si_uid=0}".  si is in
 * the tracer's layout, as PTRACE_GETSIGINFO returns it for any tracee.
 */
void emit_siginfo(struct emitter *em, const siginfo_t *si);

#endif
