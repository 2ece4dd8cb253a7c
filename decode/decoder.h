/*
 * The interface between the tracer and the decoders.  A decoder sees one
 * system call: its ABI, its arguments, its result and a way to read the
 * tracee's memory.  It knows nothing of ptrace, nor of the output format:
 * it says what it finds through an emitter (decode/emitter.h).
 */
#ifndef EPOLLTRACE_DECODE_DECODER_H
#define EPOLLTRACE_DECODE_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/abi.h"
#include "decode/emitter.h"
#include "util/strbuf.h"

struct tracee_mem {
	/* Copies len bytes at addr; false when any of them cannot be read. */
	bool (*read)(void *ctx, uint64_t addr, void *buf, size_t len);
	void *ctx;
};

/* -y: what an fd of the tracee is, as /proc shows it; false if it is not open. */
/* What an fd's name callback found. */
enum fd_name_found {
	FD_NOT_OPEN,		/* strace shows the bare number */
	FD_NAMED,
	FD_NAMED_DELETED,	/* an unlinked file: strace's "</tmp/x>(deleted)" */
};

struct fd_names {
	enum fd_name_found (*name)(void *ctx, int fd, struct strbuf *out);
	/* -y: fd arguments and results are named; else only what data_fd finds. */
	bool args;
	/*
	 * --event-fds: the fd whose registration in epfd, alone of them, has
	 * this data and holds its number, or -1; NULL when data stays bare.
	 */
	int (*data_fd)(void *ctx, int epfd, uint64_t data);
	void *ctx;
};

struct decode_opts {
	unsigned int max_elems;	/* -s: array elements printed before "..." */
	bool verbose;		/* -v: print every element */
	enum const_style const_style;	/* -X */
};

struct syscall_desc;

struct syscall_call {
	const struct abi *abi;
	const struct syscall_desc *desc;
	uint64_t args[6];	/* zero-extended from the ABI's word size */
	int64_t rval;		/* at exit: the result, or -errno */
	bool is_error;		/* at exit */
	struct tracee_mem mem;
	const struct decode_opts *opts;
	/* NULL unless -y asks for fds to be named. */
	const struct fd_names *fd_names;
};

/* One argument value that makes a shared syscall (ioctl) one of ours. */
struct trap_arg {
	unsigned int index;
	uint64_t mask;
	uint64_t value;
};

typedef void (*decode_fn)(struct emitter *em, const struct syscall_call *call);
/* Returns true when the exit has nothing to add but the return value. */
typedef bool (*decode_entry_fn)(struct emitter *em, const struct syscall_call *call);

/*
 * Which argument plays which epoll part, NO_ARG where none does (each
 * descriptor names all seven): what reads an argument for its meaning
 * finds it here, never by position.
 */
#define NO_ARG (-1)
struct epoll_roles {
	signed char epfd;	/* the epoll instance's fd */
	signed char fd;		/* the registered fd */
	signed char op;		/* EPOLL_CTL_* */
	signed char event;	/* the struct epoll_event an ADD or MOD registers */
	signed char events;	/* a wait's array of events, as many as its result */
	signed char maxevents;	/* the room in that array */
	signed char timeout_arg;	/* a wait's timeout, given as timeout says */
	signed char sigmask;	/* a wait's signal mask (its size follows it) */
	bool epfd_result;	/* the result is a new epoll instance */
	bool events_result;	/* the result counts the events at args[events] */
	enum { TIMEOUT_NONE, TIMEOUT_MSEC, TIMEOUT_TIMESPEC } timeout;
};

/* Bit n of syscall_desc.int_args: the kernel takes argument n as a 32-bit int. */
#define INT_ARG(n) (1u << (n))

struct syscall_desc {
	const char *name;
	struct epoll_roles roles;
	/*
	 * INT_ARGs: the kernel casts these to (unsigned) int and never sees
	 * their upper halves, so neither does any consumer of the call.
	 */
	unsigned int int_args;
	/*
	 * Emits the arguments known at entry, each named (emit_arg); it may
	 * emit nothing.  The same emitter goes on at exit.
	 */
	decode_entry_fn entry;
	/* Emits the arguments known only at exit. */
	decode_fn exit;
	/* Calls of this syscall that are ours: any of these, or all if none. */
	const struct trap_arg *trap_args;
	size_t ntrap_args;
};

/* Every syscall epolltrace decodes, in the order of the man page. */
extern const struct syscall_desc *const syscall_descs[];
extern const size_t nsyscall_descs;

const struct syscall_desc *syscall_desc_by_name(const char *name);
/* The index of name in syscall_descs[], or -1. */
int syscall_desc_index(const char *name);

/*
 * The arguments as the kernel takes them from regs: zero-extended from the
 * ABI's word, and desc's int arguments (desc may be NULL) cut to their low
 * 32 bits, zero-extended.
 */
void syscall_args_load(uint64_t args[6], const struct syscall_desc *desc,
		       const struct abi *abi, const uint64_t regs[6]);

/* Whether a call of desc with these arguments is one epolltrace decodes. */
bool syscall_call_wanted(const struct syscall_call *call);

/*
 * The result: in text "= 4", "= -1 EEXIST (File exists)" or
 * "= ? ERESTARTSYS (...)"; a new epoll fd's name with -y.
 */
void emit_retval(struct emitter *em, const struct syscall_call *call);

#endif
