/* Arrays in tracee memory, printed as strace's print_array does. */
#ifndef EPOLLTRACE_DECODE_ARRAY_H
#define EPOLLTRACE_DECODE_ARRAY_H

#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

/* The largest element print_array can hold. */
#define ARRAY_ELEM_MAX 64

typedef void (*print_elem_fn)(struct strbuf *out,
			      const struct syscall_call *call,
			      const void *elem);

/*
 * "NULL"; "[]"; "[e1, e2]"; "[e1, ...]" past the -s cap; "[e1, ...]" with
 * the address of the first unreadable element in a comment after the
 * "..."; or just the address when the first element cannot be read or
 * nmemb elements cannot fit in the address space.
 */
void print_array(struct strbuf *out, const struct syscall_call *call,
		 uint64_t addr, uint64_t nmemb, size_t elem_size,
		 print_elem_fn print_elem);

#endif
