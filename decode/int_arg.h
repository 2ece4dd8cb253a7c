/* Syscall arguments that the kernel takes as a C int. */
#ifndef EPOLLTRACE_DECODE_INT_ARG_H
#define EPOLLTRACE_DECODE_INT_ARG_H

#include <stdint.h>

#include "decode/strbuf.h"

/* Only the low 32 bits reach the kernel, so only they are shown, signed. */
void print_int_arg(struct strbuf *out, uint64_t arg);

#endif
