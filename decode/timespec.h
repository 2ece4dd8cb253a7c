/* struct __kernel_timespec, which has 64-bit fields on every ABI. */
#ifndef EPOLLTRACE_DECODE_TIMESPEC_H
#define EPOLLTRACE_DECODE_TIMESPEC_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/decoder.h"

/* "{tv_sec=0, tv_nsec=5000000}", or the address when it cannot be shown. */
void emit_timespec64_at(struct emitter *em, const struct syscall_call *call,
			bool exiting, uint64_t addr);

#endif
