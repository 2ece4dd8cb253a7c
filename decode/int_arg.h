/* Syscall arguments that the kernel takes as a C int. */
#ifndef EPOLLTRACE_DECODE_INT_ARG_H
#define EPOLLTRACE_DECODE_INT_ARG_H

#include <stdint.h>

#include "decode/emitter.h"

/* Only the low 32 bits reach the kernel, so only they are shown, signed. */
void emit_int_arg(struct emitter *em, uint64_t arg);

struct syscall_call;

/* An fd argument: 5, and with -y its name: in text "5<anon_inode:[eventpoll]>", as strace. */
void emit_fd_arg(struct emitter *em, const struct syscall_call *call, uint64_t arg);
/* Only the name, after an fd emitted otherwise (a return value). */
void emit_fd_name(struct emitter *em, const struct syscall_call *call, uint64_t arg);
/* The same whether or not -y names arguments: for a data word's fd (--event-fds). */
void emit_name_of_fd(struct emitter *em, const struct syscall_call *call, uint64_t arg);

#endif
