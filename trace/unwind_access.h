/*
 * How libunwind reads a stopped task, made cheap.  libunwind-ptrace's own
 * accessors spend one ptrace request per register and per stack word, and
 * each request costs as much as the work of a whole frame; these take the
 * registers with one PTRACE_GETREGS and the stack a page at a time with
 * process_vm_readv, and leave the rest (finding the unwind tables) to
 * libunwind-ptrace.  Only built with libunwind.
 */
#ifndef EPOLLTRACE_TRACE_UNWIND_ACCESS_H
#define EPOLLTRACE_TRACE_UNWIND_ACCESS_H

#include <libunwind-ptrace.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#define UNWIND_PAGE_SIZE 4096
/* A walk of tens of frames reads a page or two of stack. */
#define UNWIND_CACHED_PAGES 4

struct unwind_page {
	uint64_t addr;
	unsigned char bytes[UNWIND_PAGE_SIZE];
};

/* One walk's view of one task: its registers and memory do not change during it. */
struct unwind_access {
	void *upt;		/* libunwind-ptrace's state, for what is left to it */
	pid_t tid;
	/*
	 * The task is not stopped, but asleep: of its registers only the
	 * instruction and stack pointers are known (in regs), and nothing is
	 * asked of ptrace.
	 */
	bool asleep;
	bool have_regs;
	struct user_regs_struct regs;
	struct unwind_page pages[UNWIND_CACHED_PAGES];
	unsigned int npages;
	unsigned int next_victim;
};

/*
 * The accessors to create an address space with: libunwind-ptrace's, but
 * for registers and memory.  Their argument is the walk's upt.
 */
unw_accessors_t unwind_accessors(void);

/* Starts a walk of tid (one at a time); false when libunwind-ptrace's state cannot be made. */
bool unwind_access_begin(struct unwind_access *a, pid_t tid);
/*
 * The same for tid asleep and not stopped, from its instruction pointer
 * pc and stack pointer sp: a frame whose caller needs another register
 * ends the walk.
 */
bool unwind_access_begin_asleep(struct unwind_access *a, pid_t tid, uint64_t pc, uint64_t sp);
void unwind_access_end(struct unwind_access *a);

#endif
