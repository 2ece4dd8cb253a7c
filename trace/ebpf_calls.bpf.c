/*
 * The eBPF backend's kernel half: reports the calls of the traced
 * processes that ebpf_record.h's rules select, with their arguments,
 * result and the memory their decoders read, into a ring buffer.
 */
#pragma clang diagnostic ignored "-Wgnu-variable-sized-type-not-at-end"
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "trace/ebpf_record.h"

/*
 * x86-64's syscall entry frame, the kernel's struct pt_regs, whose layout
 * ptrace's user_regs_struct shares.
 */
struct entry_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip, cs, flags, sp, ss;
};

struct kernel_siginfo;
struct task_struct;

/* x86's thread_info.status bit of a task inside an i386 syscall. */
#define TS_COMPAT 0x0002
#define SIGKILL_NR 9

char LICENSE[] SEC("license") = "GPL";

/* Set before loading: how full the ring may get before the reader is woken. */
const volatile __u64 wake_bytes = 1 << 20;
/*
 * Set before loading, from the kernel's BTF (kernel_btf.c): where its
 * task_struct keeps what is read of a task; task_status is x86's
 * thread_info.status, in the thread_info the task_struct begins with.
 */
const volatile __u32 task_pid, task_tgid, task_exit_code, task_status;
/*
 * Set before loading when a rule looks at an fd's file (fd_file_arg):
 * the way from the task to it, and where the file keeps its epoll
 * watches and its count of references, which counts from 0 for one
 * (file_ref_t, 6.13) or from 1 (f_count, before).
 */
const volatile __u32 task_files, files_fdt, fdt_max_fds, fdt_fd, file_ep, file_refs;
const volatile __u8 file_refs_from_zero;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, EBPF_NABIS * EBPF_NRS);
	__type(key, __u32);
	__type(value, struct ebpf_rule);
} rules SEC(".maps");

/*
 * The traced processes, by tgid; their children join at fork.  A child
 * born while it is full is not traced, and counted
 * (EBPF_UNTRACED_CHILDREN), since sizing it from pid_max would cost the
 * kernel a 16-byte bucket per entry: 64 MiB at the 4194304 systemd sets.
 * The man page's BACKENDS states the limit.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, EBPF_MAX_PROCESSES);
	__type(key, __u32);
	__type(value, struct ebpf_traced);
} tgids SEC(".maps");

/* A thread's call between its entry and its exit. */
struct inflight {
	__u64 nr;
	__u64 args[6];
	__u16 flags;
	__s8 exit_copy_arg;
	__u8 pending;		/* 0: no call of the thread's is between entry and exit */
	__u16 exit_copy_unit;
	struct ebpf_entry_copy entry[EBPF_ENTRY_COPIES];
};

/*
 * Kept with the thread itself, made at its first traced call and reused
 * by every later one: no table to fill, no allocation, lock or free per
 * call, as a hash by tid would cost; it goes with the thread, or with
 * the map when epolltrace exits.
 */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct inflight);
} inflight SEC(".maps");

/* A record is built here, since the ring's reservations are of fixed size. */
struct scratch {
	struct ebpf_record r;
	__u8 mem[EBPF_EXIT_MEM_MAX];
};
_Static_assert(sizeof(struct ebpf_record) % 8 == 0, "mem follows the record's header at once");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
} ring SEC(".maps");

/* Records the ring had no room for, and children the table had none for: enum ebpf_lost. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, EBPF_NLOST);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

/* One of a kernel task's fields, at one of the offsets above. */
static __always_inline __u32 task_field(const void *task, __u32 offset)
{
	__u32 v = 0;
	bpf_probe_read_kernel(&v, sizeof(v), (const char *) task + offset);
	return v;
}

/* A pointer-sized field of a kernel object, or 0. */
static __always_inline __u64 kernel_word(__u64 object, __u32 offset)
{
	__u64 v = 0;
	if (object)
		bpf_probe_read_kernel(&v, sizeof(v), (const void *) (object + offset));
	return v;
}

/*
 * The current task's fd's file, as a close or dup2 finds it at its
 * entry (EBPF_FD_FILE_*): whether something else holds it, so that it
 * outlives the fd, and whether epoll watches it.  0 where it cannot be
 * read: the reader looks at /proc instead.
 */
static __always_inline __u16 fd_file_flags(__u64 fd)
{
	__u64 fdt = kernel_word(kernel_word(bpf_get_current_task(), task_files), files_fdt);
	__u32 max_fds = 0;
	if (!fdt || bpf_probe_read_kernel(&max_fds, sizeof(max_fds),
					  (const void *) (fdt + fdt_max_fds)) < 0)
		return 0;
	if (fd >= max_fds)
		return EBPF_FD_FILE_SEEN;
	__u64 fds = kernel_word(fdt, fdt_fd);
	__u64 file = fds ? kernel_word(fds + fd * sizeof(__u64), 0) : 0;
	if (!file)
		return fds ? EBPF_FD_FILE_SEEN : 0;
	__s64 refs = (__s64) kernel_word(file, file_refs) + (file_refs_from_zero ? 1 : 0);
	return EBPF_FD_FILE_SEEN | (refs > 1 ? EBPF_FD_FILE_SHARED : 0) |
	       (kernel_word(file, file_ep) ? EBPF_FD_FILE_WATCHED : 0);
}

static __always_inline struct ebpf_traced *traced_tgid(__u32 tgid)
{
	return bpf_map_lookup_elem(&tgids, &tgid);
}

/* Counted for the trace's figures, and in the process's records to come. */
static __always_inline void count_lost(__u32 what, __u32 tgid)
{
	__u64 *n = bpf_map_lookup_elem(&lost, &what);
	if (n)
		__sync_fetch_and_add(n, 1);
	struct ebpf_traced *p = traced_tgid(tgid);
	if (p)
		__sync_fetch_and_add(&p->losses, 1);
}

/* The reader is woken once a batch has gathered; it also looks on its own timer. */
static __always_inline __u64 wake_flag(void)
{
	return bpf_ringbuf_query(&ring, BPF_RB_AVAIL_DATA) >= wake_bytes
		? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

static __always_inline void output(struct ebpf_record *r, __u64 size)
{
	if (bpf_ringbuf_output(&ring, r, size, wake_flag()) < 0)
		count_lost(r->kind == EBPF_EXIT ? EBPF_LOST_CALLS : EBPF_LOST_EVENTS, r->tgid);
}

static __always_inline struct scratch *record_of(__u16 kind, __u64 pid_tgid,
						 const struct ebpf_traced *p)
{
	__u32 zero = 0;
	struct scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	if (!s)
		return NULL;
	__builtin_memset(&s->r, 0, sizeof(s->r));
	s->r.kind = kind;
	s->r.tid = (__u32) pid_tgid;
	s->r.tgid = pid_tgid >> 32;
	s->r.losses = p->losses;
	return s;
}

/* A record of the current task's, if its process is traced. */
static __always_inline struct scratch *traced_record(__u16 kind)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ebpf_traced *p = traced_tgid(pid_tgid >> 32);
	return p ? record_of(kind, pid_tgid, p) : NULL;
}

/* A call's entry: kept per thread for its exit, reported apart when it can block. */
static __always_inline int call_entry(long id, __u64 *args, int compat)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ebpf_traced *p = traced_tgid(pid_tgid >> 32);
	if (!p || id < 0 || id >= EBPF_NRS)
		return 0;
	__u32 key = (compat ? EBPF_ABI_I386 : EBPF_ABI_X86_64) * EBPF_NRS + (__u32) id;
	struct ebpf_rule *rule = bpf_map_lookup_elem(&rules, &key);
	if (!rule || !rule->traced)
		return 0;
	int m = rule->match_arg;
	if (m >= 0 && m < 6 && (args[m] & rule->match_mask) != rule->match_value)
		return 0;

	struct inflight *call = bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), NULL,
						     BPF_LOCAL_STORAGE_GET_F_CREATE);
	/* No memory for it: the exit would find nothing to tell. */
	if (!call) {
		count_lost(EBPF_LOST_UNKEPT, (__u32) (pid_tgid >> 32));
		return 0;
	}
	call->nr = (__u64) id;
	call->flags = compat ? EBPF_COMPAT : 0;
	int f = rule->fd_file_arg;
	if (f >= 0 && f < 6)
		call->flags |= fd_file_flags(args[f]);
	__builtin_memcpy(call->args, args, sizeof(call->args));
	for (int i = 0; i < EBPF_ENTRY_COPIES; i++) {
		int c = rule->entry_copy_arg[i];
		call->entry[i].len = 0;
		call->entry[i].addr = 0;
		if (c < 0 || c >= 6 || !args[c])
			continue;
		__u32 size = rule->entry_copy_size[i];
		if (size > EBPF_ENTRY_MEM_MAX)
			size = EBPF_ENTRY_MEM_MAX;
		call->entry[i].addr = args[c];
		if (bpf_probe_read_user(call->entry[i].mem, size, (void *) args[c]) == 0)
			call->entry[i].len = size;
	}
	call->exit_copy_arg = rule->exit_copy_arg;
	call->exit_copy_unit = rule->exit_copy_unit;
	call->pending = 1;
	if (!rule->entry_record)
		return 0;

	/* Lost, it only costs the line its "<unfinished ...>": the exit tells the call. */
	struct ebpf_record *r = bpf_ringbuf_reserve(&ring, sizeof(*r), 0);
	if (!r)
		return 0;
	__builtin_memset(r, 0, sizeof(*r));
	r->kind = EBPF_ENTRY;
	r->flags = call->flags;
	r->tid = (__u32) pid_tgid;
	r->tgid = pid_tgid >> 32;
	r->losses = p->losses;
	r->nr = call->nr;
	__builtin_memcpy(r->args, call->args, sizeof(r->args));
	__builtin_memcpy(r->entry, call->entry, sizeof(r->entry));
	bpf_ringbuf_submit(r, wake_flag());
	return 0;
}

/* A call's exit: its record, with the memory the call filled. */
static __always_inline int call_exit(long ret)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ebpf_traced *p = traced_tgid(pid_tgid >> 32);
	if (!p)
		return 0;
	struct inflight *call = bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), NULL, 0);
	if (!call || !call->pending)
		return 0;
	call->pending = 0;
	struct scratch *s = record_of(EBPF_EXIT, pid_tgid, p);
	if (!s)
		return 0;
	struct ebpf_record *r = &s->r;
	r->flags = call->flags;
	r->nr = call->nr;
	r->ret = ret;
	__builtin_memcpy(r->args, call->args, sizeof(r->args));
	__builtin_memcpy(r->entry, call->entry, sizeof(r->entry));
	__u64 len = 0;
	int c = call->exit_copy_arg;
	if (c >= 0 && c < 6 && ret > 0 && call->args[c]) {
		r->mem_addr = call->args[c];
		len = (__u64) ret * call->exit_copy_unit;
		if (len > EBPF_EXIT_MEM_MAX) {
			len = EBPF_EXIT_MEM_MAX;
			r->flags |= EBPF_MEM_TRUNCATED;
		}
		if (bpf_probe_read_user(s->mem, len, (void *) r->mem_addr) < 0)
			len = 0;
		r->mem_len = len;
	}
	output(&s->r, sizeof(*r) + (len & (EBPF_EXIT_MEM_MAX * 2 - 1)));
	return 0;
}

/*
 * The x86-64 calls, on the tracepoints of the rules' syscalls only: while
 * they are enabled, every other call of the machine costs less than under
 * the raw tracepoints (the man page's BACKENDS gives the figures).  The
 * tracepoints' records are a stable layout (their format in tracefs).
 */
struct syscall_enter_ctx {
	__u64 common;
	int nr;
	__u64 args[6];
};

struct syscall_exit_ctx {
	__u64 common;
	int nr;
	long ret;
};

/*
 * One entry program for each number of arguments a syscall can have,
 * since the kernel refuses to attach a program that reads beyond a
 * syscall's own, and one exit program for all: ebpf_backend.c loads and
 * attaches those its rules' syscalls need (arch/syscalls.csv's args),
 * fewer programs to verify at each start.
 */
#define ENTER_WITH_ARGS(nargs)							\
SEC("tracepoint")								\
int enter_args##nargs(struct syscall_enter_ctx *ctx)				\
{										\
	__u64 args[6] = { 0 };							\
	for (int i = 0; i < (nargs); i++)					\
		args[i] = ctx->args[i];						\
	return call_entry(ctx->nr, args, 0);					\
}

ENTER_WITH_ARGS(0)
ENTER_WITH_ARGS(1)
ENTER_WITH_ARGS(2)
ENTER_WITH_ARGS(3)
ENTER_WITH_ARGS(4)
ENTER_WITH_ARGS(5)
ENTER_WITH_ARGS(6)

SEC("tracepoint")
int syscall_exit(struct syscall_exit_ctx *ctx)
{
	return call_exit(ctx->ret);
}

/*
 * i386 calls, which the kernel keeps from the per-syscall tracepoints: the
 * raw ones, attached only once an i386 program is traced.
 */
static __always_inline int in_compat_call(void)
{
	const void *task = (const void *) bpf_get_current_task();
	return (task_field(task, task_status) & TS_COMPAT) != 0;
}

SEC("raw_tp/sys_enter")
int BPF_PROG(compat_enter, const struct entry_regs *regs, long id)
{
	struct entry_regs r;
	if (!in_compat_call() || bpf_probe_read_kernel(&r, sizeof(r), regs) < 0)
		return 0;
	__u64 args[6] = {
		(__u32) r.bx, (__u32) r.cx, (__u32) r.dx, (__u32) r.si, (__u32) r.di, (__u32) r.bp,
	};
	return call_entry(id, args, 1);
}

SEC("raw_tp/sys_exit")
int BPF_PROG(compat_exit, const struct entry_regs *regs, long ret)
{
	return in_compat_call() ? call_exit(ret) : 0;
}

SEC("raw_tp/signal_deliver")
int BPF_PROG(on_signal_deliver, int sig, const struct kernel_siginfo *info)
{
	/* A tracer never sees SIGKILL (an execve's zapped threads get one). */
	struct scratch *s = sig != SIGKILL_NR ? traced_record(EBPF_SIGNAL) : NULL;
	if (!s)
		return 0;
	s->r.ret = sig;
	/* struct kernel_siginfo: siginfo_t's fields without its padding. */
	s->r.mem_len = 48;
	if (bpf_probe_read_kernel(s->mem, 48, info) < 0)
		s->r.mem_len = 0;
	output(&s->r, sizeof(s->r) + (s->r.mem_len ? 48 : 0));
	return 0;
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(on_process_exit, const void *task)
{
	struct scratch *s = traced_record(EBPF_TASK_EXIT);
	if (!s)
		return 0;
	s->r.ret = (int) task_field(task, task_exit_code);
	output(&s->r, sizeof(s->r));
	return 0;
}

SEC("raw_tp/sched_process_fork")
int BPF_PROG(on_process_fork, const void *parent, const void *child)
{
	__u32 ptgid = task_field(parent, task_tgid);
	if (!traced_tgid(ptgid))
		return 0;
	__u32 tgid = task_field(child, task_tgid);
	__u32 tid = task_field(child, task_pid);
	/* Threads and children are always followed. */
	if (tgid != ptgid) {
		struct ebpf_traced fresh = { 0 };
		if (bpf_map_update_elem(&tgids, &tgid, &fresh, BPF_ANY) != 0) {
			/* Not in the table: only the total counts it. */
			count_lost(EBPF_UNTRACED_CHILDREN, tgid);
			return 0;
		}
	}
	struct ebpf_traced *p = traced_tgid(tgid);
	struct scratch *s = p ? record_of(EBPF_NEW_TASK, (__u64) tgid << 32 | tid, p) : NULL;
	if (!s)
		return 0;
	output(&s->r, sizeof(s->r));
	return 0;
}

SEC("raw_tp/sched_process_exec")
int BPF_PROG(on_process_exec, const void *task, int old_pid)
{
	struct scratch *s = traced_record(EBPF_EXEC);
	if (!s)
		return 0;
	s->r.ret = old_pid;
	output(&s->r, sizeof(s->r));
	return 0;
}
