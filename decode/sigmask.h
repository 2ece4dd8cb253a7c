/* Signal masks: strace's "[HUP USR1]", "~[RTMIN RT_1]", "[]"; in JSON a list of names. */
#ifndef EPOLLTRACE_DECODE_SIGMASK_H
#define EPOLLTRACE_DECODE_SIGMASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

/* The kernel's sigset_t on the ABIs we decode: 64 signals. */
#define KERNEL_SIGSET_BYTES 8

/*
 * mask holds len bytes (at most KERNEL_SIGSET_BYTES) in tracee order.  An
 * emitter with terse sets (text) gets names without "SIG", and the
 * signals left out when the mask holds most of them; else every signal in
 * the mask by its full name.
 */
/* A signal, by name; -X raw: by number (in decimal, as strace's); -X verbose: both. */
void emit_signal(struct emitter *em, int sig, const char *name);

void emit_sigmask(struct emitter *em, const uint8_t *mask, size_t len);

/*
 * The sigset_t at addr whose size the caller passed as len; an address when
 * len is not one the kernel could accept or the set cannot be read.
 */
void emit_sigset_at(struct emitter *em, const struct syscall_call *call,
		    bool exiting, uint64_t addr, uint64_t len);

#endif
