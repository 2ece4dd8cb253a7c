/* The eBPF backend: its program loaded, told what to report, attached; a command started under it. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arch/abi.h"
#include "arch/syscall_args.h"
#include "trace/bpf_refusal.h"
#include "trace/ebpf_backend.h"
#include "trace/ebpf_calls.skel.h"
#include "trace/ebpf_internal.h"
#include "trace/ebpf_record.h"
#include "trace/kernel_btf.h"

/*
 * Room for about 100,000 calls with their events: at a million calls a
 * second, the reader may fall behind by a tenth of a second before any
 * is lost (EPOLLTRACE_BPF_RING sets another size).  It is woken when an
 * eighth is used, and looks every
 * EBPF_POLL_MS anyway, so that a busy tracee does not wake it per call.
 */
#define RING_BYTES (16u << 20)

static const struct abi *const ebpf_abis[EBPF_NABIS] = {
	[EBPF_ABI_X86_64] = &abi_x86_64,
	[EBPF_ABI_I386] = &abi_i386,
};

/* Whether bit cap of the effective capabilities in /proc/self/status is set. */
static bool has_capability(int cap)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return false;
	char line[256];
	unsigned long long caps = 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &caps) == 1)
			break;
	fclose(f);
	return caps >> cap & 1;
}

#define CAP_SYS_ADMIN_BIT 21
#define CAP_PERFMON_BIT 38
#define CAP_BPF_BIT 39

const char *engine_bpf_unavailable(void)
{
	if (!has_capability(CAP_SYS_ADMIN_BIT) &&
	    !(has_capability(CAP_BPF_BIT) && has_capability(CAP_PERFMON_BIT)))
		return "it needs root (or CAP_BPF and CAP_PERFMON)";
	const char *forbidden = bpf_forbidden("");
	if (forbidden)
		return forbidden;
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0)
		return "the kernel has no BTF (/sys/kernel/btf/vmlinux)";
	return NULL;
}

_Static_assert(EBPF_MAX_PROCESSES == ENGINE_BPF_MAX_PROCESSES, "engine.h tells the program's limit");
_Static_assert(sizeof(((struct trap_rule *) 0)->entry_copy) / sizeof(struct copied_arg) ==
	       EBPF_ENTRY_COPIES, "a rule copies as many arguments at entry as a record holds");

static struct ebpf_rule rule_of(const struct trap_rule *r)
{
	struct ebpf_rule rule = {
		.traced = 1,
		.entry_record = r->blocks,
		.match_arg = r->match_arg ? (__s8) r->arg : -1,
		.match_mask = r->mask,
		.match_value = r->value,
		.exit_copy_arg = r->exit_copy.on ? (__s8) r->exit_copy.arg : -1,
		.exit_copy_unit = r->exit_copy.size,
		.fd_file_arg = r->fd_file ? (__s8) r->fd_file_arg : -1,
	};
	for (size_t i = 0; i < EBPF_ENTRY_COPIES; i++) {
		const struct copied_arg *c = &r->entry_copy[i];
		rule.entry_copy_arg[i] = c->on ? (__s8) c->arg : -1;
		rule.entry_copy_size[i] = (__u8) (c->size < EBPF_ENTRY_MEM_MAX ? c->size
								: EBPF_ENTRY_MEM_MAX);
	}
	return rule;
}

/* The rules, by each ABI's number: the program reports only these calls. */
static int fill_rules(struct ebpf_calls *skel, const struct engine_config *cfg)
{
	int fd = bpf_map__fd(skel->maps.rules);
	for (size_t a = 0; a < EBPF_NABIS; a++) {
		for (size_t i = 0; i < cfg->nrules; i++) {
			long nr = abi_syscall_nr(ebpf_abis[a], cfg->rules[i].name);
			if (nr < 0 || nr >= EBPF_NRS)
				continue;
			__u32 key = (__u32) (a * EBPF_NRS + (size_t) nr);
			struct ebpf_rule rule = rule_of(&cfg->rules[i]);
			if (bpf_map_update_elem(fd, &key, &rule, BPF_ANY) < 0)
				return -errno;
		}
	}
	return 0;
}

/* Held until ebpf_close: closed, a link detaches its program. */
static int keep_link(struct ebpf *b, struct bpf_link *link)
{
	if (!link)
		return -errno;
	if (b->nlinks >= (int) (sizeof(b->links) / sizeof(b->links[0]))) {
		bpf_link__destroy(link);
		return -E2BIG;
	}
	b->links[b->nlinks++] = link;
	return 0;
}

#define MAX_SYSCALL_ARGS 6

/*
 * The entry program that reads nargs arguments, NULL for a count no
 * syscall has: a syscall's is the one that reads as many as
 * arch/syscalls.csv says its tracepoint's record holds (syscall_nargs).
 */
static struct bpf_program *enter_program(struct ebpf_calls *skel, int nargs)
{
	struct bpf_program *by_nargs[MAX_SYSCALL_ARGS + 1] = {
		skel->progs.enter_args0, skel->progs.enter_args1, skel->progs.enter_args2,
		skel->progs.enter_args3, skel->progs.enter_args4, skel->progs.enter_args5,
		skel->progs.enter_args6,
	};
	return nargs >= 0 && nargs <= MAX_SYSCALL_ARGS ? by_nargs[nargs] : NULL;
}

/*
 * Only the programs this run attaches are loaded, each verified by the
 * kernel at every start: the entry programs of the rules' syscalls'
 * numbers of arguments, not the i386 calls' (ebpf_follow_abi_of).
 */
static int choose_programs(struct ebpf_calls *skel, const struct engine_config *cfg)
{
	for (int n = 0; n <= MAX_SYSCALL_ARGS; n++)
		bpf_program__set_autoload(enter_program(skel, n), false);
	bpf_program__set_autoload(skel->progs.compat_enter, false);
	bpf_program__set_autoload(skel->progs.compat_exit, false);
	for (size_t i = 0; i < cfg->nrules; i++) {
		struct bpf_program *enter = enter_program(skel, syscall_nargs(cfg->rules[i].name));
		if (!enter)
			return -ENOENT;
		bpf_program__set_autoload(enter, true);
	}
	return 0;
}

/*
 * The rules' syscalls each on their own tracepoints (measured cheaper for
 * the rest of the machine than the raw ones), once each; the tasks' lives
 * on theirs.
 */
static int attach_programs(struct ebpf *b, const struct engine_config *cfg)
{
	for (size_t i = 0; i < cfg->nrules; i++) {
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen = seen || strcmp(cfg->rules[j].name, cfg->rules[i].name) == 0;
		if (seen)
			continue;
		const char *name = cfg->rules[i].name;
		char enter[64], exit[64];
		snprintf(enter, sizeof(enter), "sys_enter_%s", name);
		snprintf(exit, sizeof(exit), "sys_exit_%s", name);
		struct bpf_program *prog = enter_program(b->skel, syscall_nargs(name));
		int rc = keep_link(b, bpf_program__attach_tracepoint(prog, "syscalls", enter));
		if (rc < 0 || (rc = keep_link(b, bpf_program__attach_tracepoint(
				b->skel->progs.syscall_exit, "syscalls", exit))) < 0)
			return rc;
	}
	struct bpf_program *lives[] = {
		b->skel->progs.on_signal_deliver, b->skel->progs.on_process_exit,
		b->skel->progs.on_process_fork, b->skel->progs.on_process_exec,
	};
	for (size_t i = 0; i < sizeof(lives) / sizeof(lives[0]); i++) {
		int rc = keep_link(b, bpf_program__attach(lives[i]));
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Whether the ELF file at path is a 32-bit one. */
static bool is_elf32(const char *path)
{
	unsigned char ident[5];
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	bool elf32 = fread(ident, 1, sizeof(ident), f) == sizeof(ident) &&
		     memcmp(ident, "\x7f" "ELF", 4) == 0 && ident[4] == 1;
	fclose(f);
	return elf32;
}

/*
 * The i386 calls' programs, loaded when first needed into a second
 * instance of the object that shares every map of the first: a run of
 * x86-64 programs has the kernel verify two programs fewer.
 */
static int load_compat(struct ebpf *b)
{
	struct ebpf_calls *c = b->compat_skel = ebpf_calls__open();
	if (!c)
		return -errno;
	struct bpf_program *p;
	bpf_object__for_each_program(p, c->obj)
		bpf_program__set_autoload(p, p == c->progs.compat_enter || p == c->progs.compat_exit);
	struct bpf_map *m;
	bpf_object__for_each_map(m, c->obj) {
		struct bpf_map *shared = bpf_object__find_map_by_name(b->skel->obj, bpf_map__name(m));
		int rc = shared ? bpf_map__reuse_fd(m, bpf_map__fd(shared)) : -ENOENT;
		if (rc < 0)
			return rc;
	}
	int rc = ebpf_calls__load(c);
	if (rc < 0 || (rc = keep_link(b, bpf_program__attach(c->progs.compat_enter))) < 0)
		return rc;
	return keep_link(b, bpf_program__attach(c->progs.compat_exit));
}

void ebpf_follow_abi_of(struct ebpf *b, const char *path)
{
	if (b->compat || !is_elf32(path))
		return;
	/* Without them the i386 calls would go unseen: the trace says so. */
	int rc = load_compat(b);
	if (rc < 0)
		fprintf(stderr, "epolltrace: cannot attach the eBPF program for i386 calls: %s;"
			" the 32-bit program's calls go untraced: trace it with --backend=ptrace\n",
			strerror(-rc));
	b->compat = true;
}

/* Where this kernel keeps the task fields the program reads: no CO-RE, no BTF for libbpf to load. */
static int find_task_offsets(struct ebpf_calls *skel)
{
	struct kernel_field f[] = {
		{ "task_struct", "pid", 0 }, { "task_struct", "tgid", 0 },
		{ "task_struct", "exit_code", 0 }, { "task_struct", "thread_info", 0 },
		{ "thread_info", "status", 0 },
	};
	int rc = kernel_btf_offsets(f, sizeof(f) / sizeof(f[0]));
	if (rc < 0)
		return rc;
	skel->rodata->task_pid = (__u32) f[0].offset;
	skel->rodata->task_tgid = (__u32) f[1].offset;
	skel->rodata->task_exit_code = (__u32) f[2].offset;
	skel->rodata->task_status = (__u32) (f[3].offset + f[4].offset);
	return 0;
}

/*
 * Where this kernel keeps what leads from a task to its fd's file, and
 * the file's epoll watches and references: looked up only when a rule
 * looks at an fd's file (--diagnose's closes).  The references were
 * f_count before 6.13, and f_ref (counting from 0) since.
 */
static int find_file_offsets(struct ebpf_calls *skel, const struct engine_config *cfg)
{
	bool wanted = false;
	for (size_t i = 0; i < cfg->nrules; i++)
		wanted = wanted || cfg->rules[i].fd_file;
	if (!wanted)
		return 0;
	struct kernel_field f[] = {
		{ "task_struct", "files", 0 }, { "files_struct", "fdt", 0 },
		{ "fdtable", "max_fds", 0 }, { "fdtable", "fd", 0 },
		{ "file", "f_ep", 0 }, { "file", "f_ref", 0 },
	};
	size_t n = sizeof(f) / sizeof(f[0]);
	int rc = kernel_btf_offsets(f, n);
	bool from_zero = rc == 0;
	if (rc == -ENOENT) {
		f[n - 1].member = "f_count";
		rc = kernel_btf_offsets(f, n);
	}
	if (rc < 0)
		return rc;
	skel->rodata->task_files = (__u32) f[0].offset;
	skel->rodata->files_fdt = (__u32) f[1].offset;
	skel->rodata->fdt_max_fds = (__u32) f[2].offset;
	skel->rodata->fdt_fd = (__u32) f[3].offset;
	skel->rodata->file_ep = (__u32) f[4].offset;
	skel->rodata->file_refs = (__u32) f[5].offset;
	skel->rodata->file_refs_from_zero = from_zero;
	return 0;
}

/* The verifier's log was printed: it, not a setting of the machine, refused a program. */
static bool verifier_spoke;

const char *engine_bpf_refused(int err)
{
	return err == EPERM || err == EACCES ? bpf_refusal("", verifier_spoke) : NULL;
}

/* libbpf's own messages would only repeat ours, in its words: kept for EPOLLTRACE_BPF_DEBUG. */
static int quiet_libbpf(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (strstr(fmt, "BEGIN PROG LOAD LOG"))
		verifier_spoke = true;
	if (!getenv("EPOLLTRACE_BPF_DEBUG"))
		return 0;
	(void) level;
	return vfprintf(stderr, fmt, ap);
}

struct ebpf *ebpf_open(const struct engine_config *cfg, int *err)
{
	const char *why = engine_bpf_unavailable();
	if (why) {
		*err = EPERM;
		return NULL;
	}
	libbpf_set_print(quiet_libbpf);
	struct ebpf *b = calloc(1, sizeof(*b));
	if (!b) {
		*err = ENOMEM;
		return NULL;
	}
	/* Until the maps are loaded: a failed load has none for ebpf_close to empty. */
	b->tgids_fd = b->lost_fd = -1;
	int rc;
	b->skel = ebpf_calls__open();
	if (!b->skel) {
		rc = -errno;
		goto fail;
	}
	size_t ring = cfg->bpf_ring_bytes ? cfg->bpf_ring_bytes : RING_BYTES;
	b->skel->rodata->wake_bytes = ring / 8;
	if ((rc = find_task_offsets(b->skel)) < 0 || (rc = find_file_offsets(b->skel, cfg)) < 0 ||
	    (rc = bpf_map__set_max_entries(b->skel->maps.ring, (__u32) ring)) < 0 ||
	    (rc = choose_programs(b->skel, cfg)) < 0 ||
	    (rc = ebpf_calls__load(b->skel)) < 0 ||
	    (rc = fill_rules(b->skel, cfg)) < 0 ||
	    (rc = attach_programs(b, cfg)) < 0)
		goto fail;
	b->tgids_fd = bpf_map__fd(b->skel->maps.tgids);
	b->lost_fd = bpf_map__fd(b->skel->maps.lost);
	b->ncpus = libbpf_num_possible_cpus();
	return b;
fail:
	*err = rc < 0 ? -rc : EINVAL;
	ebpf_close(b);
	return NULL;
}

/* No process is traced any more: the programs, still attached, return at once. */
static void trace_nobody(struct ebpf *b)
{
	__u32 key, next;
	while (bpf_map_get_next_key(b->tgids_fd, NULL, &next) == 0) {
		key = next;
		if (bpf_map_delete_elem(b->tgids_fd, &key) < 0)
			break;
	}
}

/* Whether fd is one of the program's, its maps', links' or tracepoints'. */
static bool is_bpf_fd(int fd)
{
	char path[64], target[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	return strncmp(target, "anon_inode:bpf", 14) == 0 ||
	       strcmp(target, "anon_inode:[perf_event]") == 0;
}

/*
 * Detaching a per-syscall tracepoint waits for the kernel's grace
 * periods, about 60 ms each: a grandchild that holds only the program's
 * descriptors closes them last, once epolltrace has exited, so that
 * epolltrace (and whoever waits for it) need not wait.  Nothing is traced
 * meanwhile, and nothing stays loaded once it has exited.
 */
static bool close_in_background(void)
{
	int self_fd = (int) syscall(SYS_pidfd_open, getpid(), 0);
	if (self_fd < 0)
		return false;
	pid_t child = fork();
	if (child == 0) {
		if (fork() == 0) {
			DIR *dir = opendir("/proc/self/fd");
			int dir_fd = dir ? dirfd(dir) : -1;
			struct dirent *de;
			while (dir && (de = readdir(dir)) != NULL) {
				int fd = atoi(de->d_name);
				if (de->d_name[0] != '.' && fd != dir_fd && fd != self_fd &&
				    !is_bpf_fd(fd))
					close(fd);
			}
			if (dir)
				closedir(dir);
			struct pollfd gone = { .fd = self_fd, .events = POLLIN };
			while (poll(&gone, 1, -1) < 0 && errno == EINTR)
				;
		}
		_exit(0);
	}
	close(self_fd);
	if (child < 0)
		return false;
	while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
		;
	return true;
}

void ebpf_close(struct ebpf *b)
{
	if (!b)
		return;
	if (b->tgids_fd >= 0)
		trace_nobody(b);
	/* Unmapped first: the fork need not copy the ring's mapping, page by page. */
	ring_buffer__free(b->ring);
	b->ring = NULL;
	/* Only links wait for grace periods: a load that failed has none to hand over. */
	bool handed_over = b->nlinks > 0 && close_in_background();
	/* Held by descriptors only, never pinned: closing them unloads everything. */
	for (int i = 0; i < b->nlinks; i++) {
		/* libbpf's detach would wait for the grace periods here. */
		if (handed_over)
			bpf_link__disconnect(b->links[i]);
		bpf_link__destroy(b->links[i]);
	}
	u64_map_free(&b->losses_seen);
	ebpf_calls__destroy(b->compat_skel);
	ebpf_calls__destroy(b->skel);
	free(b);
}

static int trace_tgid(struct ebpf *b, pid_t pid)
{
	__u32 key = (__u32) pid;
	struct ebpf_traced fresh = { 0 };
	return bpf_map_update_elem(b->tgids_fd, &key, &fresh, BPF_ANY) < 0 ? -errno : 0;
}

static bool add_thread(struct engine *e, pid_t pid, pid_t tid)
{
	struct task *t = task_get(&e->tasks, tid);
	t->tgid = pid;
	t->announced = true;
	return true;
}

int ebpf_attach(struct engine *e, pid_t pid, size_t *nthreads, int *err)
{
	if (kill(pid, 0) < 0 && errno == ESRCH) {
		*err = ESRCH;
		return -1;
	}
	int rc = trace_tgid(e->ebpf, pid);
	if (rc < 0) {
		*err = -rc;
		return -1;
	}
	char exe[64];
	snprintf(exe, sizeof(exe), "/proc/%d/exe", (int) pid);
	ebpf_follow_abi_of(e->ebpf, exe);
	/* Listed after the tgid is traced, so that no thread is missed. */
	int n = engine_take_new_threads(e, pid, add_thread);
	*nthreads = n > 0 ? (size_t) n : 0;
	return 0;
}

static void close_pair(const int fds[2])
{
	for (int i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

/* What the child sends back when it cannot become the command. */
static _Noreturn void exec_or_report(struct engine *e, int go_fd, int err_fd, const char *path,
				     char *const argv[])
{
	char byte;
	while (read(go_fd, &byte, 1) < 0 && errno == EINTR)
		;
	engine_restore_start_signals(e);
	execv(path, argv);
	int err = errno;
	ssize_t ignored = write(err_fd, &err, sizeof(err));
	(void) ignored;
	_exit(127);
}

/*
 * The child waits on a pipe until its pid is traced, so that the program
 * sees its first call; a failed exec is sent back on another.
 */
enum engine_start_result ebpf_start(struct engine *e, const char *path, char *const argv[],
				    int *err)
{
	ebpf_follow_abi_of(e->ebpf, path);
	int go[2] = { -1, -1 }, report[2] = { -1, -1 };
	pid_t pid = -1;
	if (pipe2(go, O_CLOEXEC) < 0 || pipe2(report, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		*err = errno;
		close_pair(go);
		close_pair(report);
		return START_FORK_FAILED;
	}
	if (pid == 0) {
		close(go[1]);
		close(report[0]);
		exec_or_report(e, go[0], report[1], path, argv);
	}
	close(go[0]);
	close(report[1]);
	e->first_child = pid;
	int rc = trace_tgid(e->ebpf, pid);
	if (rc < 0) {
		kill(pid, SIGKILL);
		*err = -rc;
	} else {
		struct task *t = task_get(&e->tasks, pid);
		t->tgid = pid;
		t->announced = true;
	}
	close(go[1]);
	int exec_err;
	ssize_t got;
	while ((got = read(report[0], &exec_err, sizeof(exec_err))) < 0 && errno == EINTR)
		;
	close(report[0]);
	if (rc < 0 || got == (ssize_t) sizeof(exec_err)) {
		int status;
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		task_table_free(&e->tasks);
		task_table_init(&e->tasks);
		e->first_child = 0;
		if (rc < 0)
			return START_TRACE_FAILED;
		*err = exec_err;
		return START_EXEC_FAILED;
	}
	return START_OK;
}
