/* Reading tracee memory, printing the address instead when that fails. */
#ifndef EPOLLTRACE_DECODE_FETCH_H
#define EPOLLTRACE_DECODE_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

/* "NULL" or "0x7ffc1234", as strace's printaddr. */
void print_addr(struct strbuf *out, uint64_t addr);

/*
 * Fills buf from addr and returns true, or prints addr and returns false:
 * for NULL, for memory that cannot be read, and at the exit of a failed
 * call, whose output buffers the kernel did not fill (strace's
 * umoven_or_printaddr).
 */
bool fetch_or_print_addr(struct strbuf *out, const struct syscall_call *call,
			 bool exiting, uint64_t addr, void *buf, size_t len);

#endif
