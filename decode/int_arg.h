/* Syscall arguments that the kernel takes as a C int. */
#ifndef EPOLLTRACE_DECODE_INT_ARG_H
#define EPOLLTRACE_DECODE_INT_ARG_H

#include <stdint.h>

#include "decode/strbuf.h"

/* Only the low 32 bits reach the kernel, so only they are shown, signed. */
void print_int_arg(struct strbuf *out, uint64_t arg);

struct syscall_call;

/* An fd argument: "5", or with -y "5<anon_inode:[eventpoll]>", as strace. */
void print_fd_arg(struct strbuf *out, const struct syscall_call *call, uint64_t arg);
/* Only the "<...>" part, after an fd printed otherwise (a return value). */
void print_fd_name(struct strbuf *out, const struct syscall_call *call, uint64_t arg);

#endif
