/* Reading tracee memory, emitting the address instead when that fails. */
#ifndef EPOLLTRACE_DECODE_FETCH_H
#define EPOLLTRACE_DECODE_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

/*
 * Fills buf from addr and returns true, or emits addr (text: "NULL" or
 * "0x7ffc1234", as strace's printaddr) and returns false: for NULL, for
 * memory that cannot be read, and at the exit of a failed call, whose
 * output buffers the kernel did not fill (strace's umoven_or_printaddr).
 */
bool fetch_or_emit_addr(struct emitter *em, const struct syscall_call *call,
			bool exiting, uint64_t addr, void *buf, size_t len);

/*
 * A pointer the kernel ignores (epoll_ctl's event with EPOLL_CTL_DEL):
 * strace shows its address, JSON says null, as for no pointer.
 */
void emit_ignored_addr(struct emitter *em, uint64_t addr);

#endif
