/*
 * -e inject= and -e fault=: strace's fault injection, for the calls
 * epolltrace traps.  Each thread counts each call of a syscall given a
 * rule, as strace does; when= says which of them are tampered with.
 */
#ifndef EPOLLTRACE_APP_INJECT_H
#define EPOLLTRACE_APP_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/abi.h"
#include "trace/engine.h"

/* when=FIRST..LAST with no end. */
#define INJECT_LAST_NONE 0xffff

struct inject_rule {
	bool on;
	bool error;		/* error=: the call fails with value */
	bool retval;		/* retval=: the call returns value */
	int64_t value;
	int signo;		/* signal=: sent as the call returns; 0: none */
	unsigned int delay_enter, delay_exit;	/* µs; 0: none */
	/* when=: the FIRST-th call, then every STEP-th up to the LAST-th. */
	uint16_t first, last, step;
};

/* One thread's count of one syscall's calls, from its rule when first met. */
struct inject_count {
	bool started;
	uint16_t first, last;
};

/*
 * At the entry stop of a trapped call named name: counts it against its
 * rule (rules and counts indexed as syscall_descs[]) and, when it is due,
 * has the engine tamper with it.
 * Returns true when the call's exit must be seen (a signal, a delay).
 */
struct inject_done {
	bool injected;	/* its result is made up */
	bool delayed;
};
bool inject_at_entry(const struct inject_rule *rules, struct inject_count *counts,
		     struct task *t, const struct abi *abi, const char *name,
		     const uint64_t stop_args[6], struct inject_done *done);

#endif
