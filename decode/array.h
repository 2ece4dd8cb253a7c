/* Arrays in tracee memory, shown as strace's print_array shows them. */
#ifndef EPOLLTRACE_DECODE_ARRAY_H
#define EPOLLTRACE_DECODE_ARRAY_H

#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

/* The largest element emit_array can hold. */
#define ARRAY_ELEM_MAX 64

typedef void (*emit_elem_fn)(struct emitter *em, const struct syscall_call *call,
			     const void *elem);

/*
 * In text: "NULL"; "[]"; "[e1, e2]"; "[e1, ...]" past the -s cap;
 * "[e1, ...]" with the address of the first unreadable element in a
 * comment after the "..."; or just the address when the first element
 * cannot be read or nmemb elements cannot fit in the address space.  An
 * emitter that does not abbreviate arrays (JSON) gets every element, or
 * the address when any cannot be read.
 */
void emit_array(struct emitter *em, const struct syscall_call *call,
		uint64_t addr, uint64_t nmemb, size_t elem_size,
		emit_elem_fn emit_elem);

#endif
