/*
 * Syscall calls over fake tracee memory: byte buffers at chosen addresses,
 * every other address unreadable.
 */
#ifndef EPOLLTRACE_TESTS_UNIT_FAKE_CALL_H
#define EPOLLTRACE_TESTS_UNIT_FAKE_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "decode/decoder.h"

#define FAKE_REGIONS_MAX 8

struct fake_region {
	uint64_t addr;
	const void *bytes;
	size_t len;
};

struct fake_mem {
	struct fake_region regions[FAKE_REGIONS_MAX];
	size_t n;
};

void fake_mem_add(struct fake_mem *mem, uint64_t addr, const void *bytes, size_t len);

/* A call of the named syscall on abi, reading mem, with strace's default options. */
struct syscall_call fake_call(const struct abi *abi, const char *name,
			      struct fake_mem *mem);

/* Marks the call as returned: rval, or the error -rval when negative. */
void fake_return(struct syscall_call *call, int64_t rval);

/*
 * The call's line as the session writes it (with -a0): "name(args) = retval".
 * Each is valid until the next rendering.
 */
const char *render(const struct syscall_call *call);
/* The same line cut by another task's between the entry and the exit: two lines. */
const char *render_cut(const struct syscall_call *call);
/* The line of a task that died in the call: "... <unfinished ...>) = ?" unless the entry said all. */
const char *render_abandoned(const struct syscall_call *call);
/*
 * The call's --json object as the session writes it, without the fields
 * that are the same in every test (type, pid, tid, time, syscall, duration):
 * {"args":{...},"ret":N,"errno":null} and "fd_names" when -y named any.
 */
const char *render_json(const struct syscall_call *call);

/* Writes event idx of an array in abi's struct epoll_event layout. */
void put_event(const struct abi *abi, unsigned char *array, size_t idx,
	       uint32_t events, uint64_t data);

extern struct decode_opts fake_opts;

/*
 * -y's names for the tests: fds 4 and 5 are open (an instance and a pipe),
 * others are not; data 5 in instance 4 is fd 5's registration.
 */
extern const struct fd_names fake_fd_names;

#endif
