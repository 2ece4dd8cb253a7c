/*
 * Self-checks for the end-to-end test programs.  Each program knows what
 * every call it makes must return; a tracer that changes a call's outcome
 * (ENOSYS, a lost wakeup, a wrong errno) then shows up as the program's
 * exit status, which the test scripts check, not only as a diff in output.
 */
#ifndef EPOLLTRACE_TESTS_SELFCHECK_H
#define EPOLLTRACE_TESTS_SELFCHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Distinct from every status a program exits with on purpose. */
#define SELFCHECK_FAILED 99

/* _exit, not exit: the caller may be a vfork child or a thread. */
static inline void selfcheck_fail(const char *what, int line, long got, int err)
{
	fprintf(stderr, "%s:%d: unexpected result %ld (%s) of %s\n",
		__FILE__, line, got, err ? strerror(err) : "no error", what);
	_exit(SELFCHECK_FAILED);
}

/* The call must succeed and return exactly want. */
#define EXPECT_RET(want, call) ({					\
	long r_ = (long) (call);					\
	int e_ = errno;							\
	if (r_ != (long) (want))					\
		selfcheck_fail(#call, __LINE__, r_, r_ < 0 ? e_ : 0);	\
	r_; })

/* The call must succeed (typically it returns a new descriptor). */
#define EXPECT_OK(call) ({						\
	long r_ = (long) (call);					\
	int e_ = errno;							\
	if (r_ < 0)							\
		selfcheck_fail(#call, __LINE__, r_, e_);		\
	r_; })

/* The call must fail with errno err. */
#define EXPECT_ERRNO(err, call) ({					\
	long r_ = (long) (call);					\
	int e_ = errno;							\
	if (r_ != -1 || e_ != (err))					\
		selfcheck_fail(#call, __LINE__, r_, r_ < 0 ? e_ : 0);	\
	r_; })

/* A condition the program relies on, such as "the handler ran". */
#define EXPECT_TRUE(cond) do {						\
	if (!(cond))							\
		selfcheck_fail(#cond, __LINE__, 0, 0);			\
} while (0)

#endif
