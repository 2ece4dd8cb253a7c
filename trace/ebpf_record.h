/*
 * What the eBPF program (ebpf_calls.bpf.c) and the backend that reads its
 * ring buffer (ebpf_backend.c) share: the records, and how the program is
 * told which calls to report.  Fixed-width types only: clang's BPF target
 * compiles it too.
 */
#ifndef EPOLLTRACE_TRACE_EBPF_RECORD_H
#define EPOLLTRACE_TRACE_EBPF_RECORD_H

#include <linux/types.h>

/* Syscall numbers per ABI in the program's table of rules. */
#define EBPF_NRS 512
enum ebpf_abi { EBPF_ABI_X86_64, EBPF_ABI_I386, EBPF_NABIS };

/* The most a record carries of the memory a call's exit filled. */
#define EBPF_EXIT_MEM_MAX 16384
/* At entry: so many arguments' memory, so much of each. */
#define EBPF_ENTRY_COPIES 2
#define EBPF_ENTRY_MEM_MAX 16

/* What the program does with one syscall number of one ABI. */
struct ebpf_rule {
	__u8 traced;
	/* The entry is reported too: a call that can block (a wait). */
	__u8 entry_record;
	/* Only calls whose argument match_arg, masked, has this value; -1: all. */
	__s8 match_arg;
	/* The arguments that point at memory copied at entry, and how much; -1: none. */
	__s8 entry_copy_arg[EBPF_ENTRY_COPIES];
	__u8 entry_copy_size[EBPF_ENTRY_COPIES];
	/* At exit: the argument whose memory holds result x exit_copy_unit bytes; -1: none. */
	__s8 exit_copy_arg;
	__u16 exit_copy_unit;
	/* At entry: the argument whose fd's file is looked at (EBPF_FD_FILE_*); -1: none. */
	__s8 fd_file_arg;
	__u64 match_mask;
	__u64 match_value;
};

enum ebpf_record_kind {
	EBPF_ENTRY = 1,
	EBPF_EXIT,
	EBPF_SIGNAL,		/* ret: the signal; mem: its siginfo */
	EBPF_TASK_EXIT,		/* ret: the exit code, as a wait status */
	EBPF_NEW_TASK,		/* a traced process forked or cloned: tid, tgid are the child's */
	EBPF_EXEC,		/* ret: the tid that called execve */
};

/*
 * The counters of records lost, by what they told; of children not
 * traced at all, since the table of traced processes was full; and of
 * calls whose entry the kernel had no memory to keep for their exit.
 */
enum ebpf_lost {
	EBPF_LOST_CALLS, EBPF_LOST_EVENTS, EBPF_UNTRACED_CHILDREN, EBPF_LOST_UNKEPT, EBPF_NLOST
};

/* The most processes traced at once (ebpf_calls.bpf.c's tgids). */
#define EBPF_MAX_PROCESSES 4096

/* A traced process, in the program's table of them. */
struct ebpf_traced {
	__u32 losses;		/* its records the ring had no room for */
};

/* flags */
#define EBPF_COMPAT 1			/* an i386 call */
#define EBPF_MEM_TRUNCATED 2		/* the exit's memory was longer than mem_len */
#define EBPF_FD_FILE_SEEN 4		/* the rule's fd was looked at, at entry: */
#define EBPF_FD_FILE_SHARED 8		/* its file had other references */
#define EBPF_FD_FILE_WATCHED 16		/* epoll watched its file */

/* Memory read at entry. */
struct ebpf_entry_copy {
	__u64 addr;
	__u32 len;		/* 0: not read */
	__u32 pad;
	__u8 mem[EBPF_ENTRY_MEM_MAX];
};

struct ebpf_record {
	__u16 kind;
	__u16 flags;
	__u32 tid;
	__u32 tgid;
	__u32 mem_len;		/* bytes of mem that follow */
	/*
	 * Records of this process lost so far: when it grows, the reader
	 * knows that calls it was never told of came before this one.
	 */
	__u32 losses;
	__u64 nr;
	__u64 args[6];
	__s64 ret;
	__u64 mem_addr;		/* where mem was read */
	struct ebpf_entry_copy entry[EBPF_ENTRY_COPIES];
	__u8 mem[];
};

#endif
