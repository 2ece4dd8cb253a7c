/*
 * Every diagnostic kind, fed scripted ctl and wait sequences with no
 * tracee: the model reads a fake /proc, kcmp and clock (struct
 * model_env).  For each kind, a sequence where it fires, with its text,
 * and a correct one where it stays silent.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include "arch/syscall_numbers.h"
#include "model/diag_kinds.h"
#include "model/epoll_model.h"
#include "tests/unit/tap.h"
#include "util/xalloc.h"

#define EPOLL_LINK "anon_inode:[eventpoll]"
#define PID 100
#define EPFD 3

/* One fd of a fake process; fds naming the same file share file. */
struct fake_fd {
	pid_t pid;
	int fd;
	const char *link;
	int file;
	mode_t mode;
	uint64_t flags;
};

static struct {
	struct fake_fd fds[16];
	size_t nfds;
	/* The fdinfo text of pid's epfd; NULL: that fd has none. */
	struct { pid_t pid; int epfd; const char *text; } lists[4];
	size_t nlists;
	int64_t now;
	/* What every thread is doing, and where it sleeps. */
	struct task_syscall sc;
	const char *wchan;
	bool other_stopped;	/* another thread is held at a ptrace stop */
	/* How long each thread (by tid, rising), and epolltrace, has waited for a CPU. */
	struct thread_cpu_wait waits[8];
	size_t nwaits;
	uint64_t tracer_waited_ns;
} fake;

static struct fake_fd *fake_find(pid_t pid, int fd)
{
	for (size_t i = 0; i < fake.nfds; i++)
		if (fake.fds[i].pid == pid && fake.fds[i].fd == fd)
			return &fake.fds[i];
	return NULL;
}

/* A number open already now names the new file, as when another thread reused it. */
static void fake_open(pid_t pid, int fd, const char *link, int file, mode_t mode, uint64_t flags)
{
	struct fake_fd *f = fake_find(pid, fd);
	*(f ? f : &fake.fds[fake.nfds++]) = (struct fake_fd) { pid, fd, link, file, mode, flags };
}

static void fake_close(pid_t pid, int fd)
{
	struct fake_fd *f = fake_find(pid, fd);
	if (f)
		*f = fake.fds[--fake.nfds];
}

static void fake_list(pid_t pid, int epfd, const char *text)
{
	fake.lists[fake.nlists++] = (typeof(fake.lists[0])) { pid, epfd, text };
}

static bool fake_read_fdinfo(void *ctx, pid_t pid, int epfd, struct epoll_fdinfo *info)
{
	(void) ctx;
	for (size_t i = 0; i < fake.nlists; i++)
		if (fake.lists[i].pid == pid && fake.lists[i].epfd == epfd) {
			epoll_fdinfo_parse(fake.lists[i].text, info);
			return true;
		}
	return false;
}

static struct proc_fd proc_fd_of(const struct fake_fd *f)
{
	return (struct proc_fd) {
		.fd = f->fd, .link = xstrndup(f->link, strlen(f->link)),
		.ino = (uint64_t) f->file, .mode = f->mode,
	};
}

static bool fake_probe_fd(void *ctx, pid_t pid, int fd, struct proc_fd *out)
{
	(void) ctx;
	const struct fake_fd *f = fake_find(pid, fd);
	if (f)
		*out = proc_fd_of(f);
	return f;
}

static int by_fd(const void *a, const void *b)
{
	return ((const struct proc_fd *) a)->fd - ((const struct proc_fd *) b)->fd;
}

static bool fake_read_fds(void *ctx, pid_t pid, struct proc_fds *fds)
{
	(void) ctx;
	fds->v = xcalloc(fake.nfds + 1, sizeof(*fds->v));
	for (size_t i = 0; i < fake.nfds; i++)
		if (fake.fds[i].pid == pid)
			fds->v[fds->n++] = proc_fd_of(&fake.fds[i]);
	qsort(fds->v, fds->n, sizeof(*fds->v), by_fd);
	return true;
}

static bool fake_fd_flags(void *ctx, pid_t pid, int fd, uint64_t *flags)
{
	(void) ctx;
	const struct fake_fd *f = fake_find(pid, fd);
	if (f)
		*flags = f->flags;
	return f;
}

/* An eventfd as kernels before 6.2 show it: a count, no semaphore line. */
static bool fake_fdinfo_num(void *ctx, pid_t pid, int fd, const char *key, unsigned int base,
			    uint64_t *val)
{
	(void) ctx;
	(void) base;
	const struct fake_fd *f = fake_find(pid, fd);
	*val = 0;
	return f && !strcmp(f->link, "anon_inode:[eventfd]") && !strcmp(key, "eventfd-count:");
}

static bool fake_same_file(void *ctx, pid_t pid1, int fd1, pid_t pid2, int fd2)
{
	(void) ctx;
	const struct fake_fd *a = fake_find(pid1, fd1), *b = fake_find(pid2, fd2);
	return a && b && a->file == b->file;
}

static bool fake_task_syscall(void *ctx, pid_t tgid, pid_t tid, struct task_syscall *out)
{
	(void) ctx;
	(void) tgid;
	(void) tid;
	*out = fake.sc;
	return true;
}

static bool fake_cpu_waits(void *ctx, pid_t tgid, struct cpu_waits *out)
{
	(void) ctx;
	(void) tgid;
	out->threads = grow_array(out->threads, &out->cap, fake.nwaits, sizeof(fake.waits[0]));
	memcpy(out->threads, fake.waits, fake.nwaits * sizeof(fake.waits[0]));
	out->n = fake.nwaits;
	out->tracer_ns = fake.tracer_waited_ns;
	return true;
}

/* Thread tid's schedstat and state; tids come rising. */
static struct thread_cpu_wait *fake_thread(pid_t tid)
{
	size_t i = 0;
	while (i < fake.nwaits && fake.waits[i].tid != tid)
		i++;
	if (i == fake.nwaits)
		fake.waits[fake.nwaits++] = (struct thread_cpu_wait) { .tid = tid };
	return &fake.waits[i];
}

/* Thread tid (epolltrace's, 0) has now waited ns for a CPU, all told. */
static void fake_waited(pid_t tid, uint64_t ns)
{
	if (tid)
		fake_thread(tid)->ns = ns;
	else
		fake.tracer_waited_ns = ns;
}

static bool fake_other_stopped(void *ctx, pid_t tgid, pid_t tid)
{
	(void) ctx;
	(void) tgid;
	(void) tid;
	return fake.other_stopped;
}

static bool fake_task_wchan(void *ctx, pid_t tgid, pid_t tid, char *wchan, size_t size)
{
	(void) ctx;
	(void) tgid;
	(void) tid;
	snprintf(wchan, size, "%s", fake.wchan ? fake.wchan : "");
	return true;
}

static int64_t fake_now_ns(void *ctx)
{
	(void) ctx;
	return fake.now;
}

static const struct model_env fake_env = {
	.read_fdinfo = fake_read_fdinfo,
	.probe_fd = fake_probe_fd,
	.read_fds = fake_read_fds,
	.fd_flags = fake_fd_flags,
	.fdinfo_num = fake_fdinfo_num,
	.same_file = fake_same_file,
	.task_syscall = fake_task_syscall,
	.cpu_waits = fake_cpu_waits,
	.other_stopped = fake_other_stopped,
	.task_wchan = fake_task_wchan,
	.now_ns = fake_now_ns,
};

/* The warnings printed, one line each. */
static struct strbuf warnings = STRBUF_INIT;

static void on_warning(void *ctx, const struct model_warning *w)
{
	(void) ctx;
	sb_printf(&warnings, "%s%s pid %d epfd %d fd %d: %s", warnings.len ? "\n" : "",
		  w->kind, (int) w->pid, w->epfd, w->fd, w->evidence);
}

static void on_dump_reg(void *ctx, const struct model_dump_reg *r)
{
	(void) ctx;
	(void) r;
}

static void on_dump_check(void *ctx, const struct model_dump_check *c)
{
	(void) ctx;
	(void) c;
}

/* One step of a scripted sequence. */
enum act {
	END,
	CTL,	/* pid's epoll_ctl(EPFD, op, fd, {events, data=fd}) = err */
	WAIT,	/* a wait of thread pid (PID if 0) returning n events, data fd, fd+1, ... */
	BEGIN,	/* a wait of thread pid begins ... */
	RETURN,	/* ... and returns, as WAIT */
	CLOSE,	/* pid closes fd */
	CLOSE_SEEN,	/* the model is told of pid's close of fd only now (/proc as it is) */
	EXEC,	/* pid completes an execve that closes fd (O_CLOEXEC) */
	OPEN,	/* pid opens fd: link, file (the same for dups), mode, flags */
	KEEP,	/* EPFD's fdinfo is now text */
	AT,	/* the clock says ns */
	LOAD,	/* the model learns pid's instances (as when attaching) */
	IN_CALL,	/* every thread is now in syscall n (its wait's ABI) on fd, asleep in text */
	RUNS,	/* every thread now runs, in no syscall, has had ns of CPU and slept n times */
	OUTSIDE,	/* every thread now sleeps outside any syscall, in text; paging in (n 1) or not */
	TICK,	/* time has passed: the model looks at the loops */
	OTHER_STOPS,	/* another thread is now held at a ptrace stop (n 1) or not (0) */
	CPU_WAIT,	/* thread pid (epolltrace: -1) has now waited ns for a CPU, all told */
	READY,	/* thread pid is now ready to run (n 1: on a CPU or waiting for one) or not (0) */
	RAN,	/* thread pid has been given a CPU once more, and run 1 ms */
	LOST,	/* calls of PID's were lost (the eBPF backend's ring buffer was full) */
	CAUGHT_UP,	/* the reader has caught up: the model reads the lists again */
};

struct step {
	enum act act;
	pid_t pid;
	int op, fd;
	uint32_t events;
	int err;
	int n, maxevents;
	bool zero_timeout;
	bool i386;	/* WAIT: the thread runs i386 code */
	int times;
	const char *link, *text;
	int file;
	mode_t mode;
	uint64_t flags;
	int64_t ns;
};

#define CHILD (PID + 100)
#define THREAD (PID + 1)
#define ADD(f, ev) { .act = CTL, .op = EPOLL_CTL_ADD, .fd = (f), .events = (ev) }
#define MOD(f, ev) { .act = CTL, .op = EPOLL_CTL_MOD, .fd = (f), .events = (ev) }
#define DEL(f) { .act = CTL, .op = EPOLL_CTL_DEL, .fd = (f) }
#define FAILS(o, f, ev, e) { .act = CTL, .op = (o), .fd = (f), .events = (ev), .err = (e) }
#define EVENTS(ev, f) { .act = WAIT, .events = (ev), .fd = (f), .n = 1 }
#define EVENTS_I386(ev, f) { .act = WAIT, .events = (ev), .fd = (f), .n = 1, .i386 = true }
#define EMPTY_WAITS(k) { .act = WAIT, .times = (k) }
#define FILE_OPEN(p, f, l, id, m, fl) \
	{ .act = OPEN, .pid = (p), .fd = (f), .link = (l), .file = (id), .mode = (m), .flags = (fl) }
#define CLOSED(p, f) { .act = CLOSE, .pid = (p), .fd = (f) }
#define SECONDS(s) { .act = AT, .ns = (int64_t) ((s) * 1e9) }
/* The named rows' numbers, from arch/syscalls.csv: NR_read, NR_I386_select, ... */
#define NR_X86_64(name, nr) NR_##name = (nr),
#define NR_I386(name, nr) NR_I386_##name = (nr),
enum { NAMED_SYSCALLS_X86_64(NR_X86_64) NAMED_SYSCALLS_I386(NR_I386) };
#define BLOCKED_IN(nr, f, where) { .act = IN_CALL, .n = (nr), .fd = (f), .text = (where) }
#define TICKS { .act = TICK }
#define PAGING_IN(where) { .act = OUTSIDE, .n = 1, .text = (where) }
#define ASLEEP_OUTSIDE(where) { .act = OUTSIDE, .text = (where) }
#define RUNNING_WITH_CPU(s) { .act = RUNS, .ns = (int64_t) ((s) * 1e9) }
/* An i386 loop blocked in call nr since its wait returned, looked at 150 ms on. */
#define I386_AWAY_150_MS(nr, f, where) \
	{ EVENTS_I386(EPOLLIN, 5), BLOCKED_IN(nr, f, where), SECONDS(0.1), TICKS, \
	  SECONDS(0.15), TICKS }
#define AWAY_150_MS_IN(what) \
	"loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 150 ms " \
	"(since its wait returned at 0.000s); it is in " what
#define WAITED_FOR_CPU(tid, s) { .act = CPU_WAIT, .pid = (tid), .ns = (int64_t) ((s) * 1e9) }
#define READY_TO_RUN(tid, r) { .act = READY, .pid = (tid), .n = (r) }
#define GIVEN_CPU(tid) { .act = RAN, .pid = (tid) }
#define ZERO_WAITS(k) { .act = WAIT, .zero_timeout = true, .times = (k) }
#define LOST_THEN(list) { .act = LOST }, { .act = KEEP, .text = (list) }, { .act = CAUGHT_UP }

/* fdinfo with fd 5's registration still in it: a dup keeps the pipe open. */
static const char list_with_5[] =
	"pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n"
	"tfd:        5 events:       19 data:                5  pos:0 ino:32 sdev:c\n";

/*
 * fdinfo with fd 11's registration: the file fd 11 names now (ino 111), not
 * the one a thread closed before another reused the number.
 */
static const char list_with_11_reopened[] =
	"pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n"
	"tfd:       11 events:       19 data:                b  pos:0 ino:6f sdev:0\n";

static const char list_empty[] = "pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n";

/* fdinfo with fd 5 registered EPOLLIN|EPOLLONESHOT, armed: a re-arm the model did not see. */
static const char list_with_5_armed[] =
	"pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n"
	"tfd:        5 events: 40000019 data:                5  pos:0 ino:32 sdev:c\n";

/* The same, disarmed: it may have been re-armed and fired again in the gap. */
static const char list_with_5_disarmed[] =
	"pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n"
	"tfd:        5 events: 40000000 data:                5  pos:0 ino:32 sdev:c\n";

struct diag_case {
	const char *what;
	struct step steps[24];
	const char *expect;	/* the warnings, then "recovered KIND N" lines */
};

static const struct diag_case cases[] = {
	{ "ctl-eexist: a second ADD of a registered fd",
	  { ADD(5, EPOLLIN), SECONDS(1.5), FAILS(EPOLL_CTL_ADD, 5, EPOLLIN | EPOLLOUT, EEXIST),
	    EMPTY_WAITS(1) },
	  "ctl-eexist pid 100 epfd 3 fd 5: epoll_ctl(3, EPOLL_CTL_ADD, 5, events=EPOLLIN|EPOLLOUT) "
	  "failed with EEXIST; fd 5 is already registered: events=EPOLLIN|EPOLLERR|EPOLLHUP "
	  "data=0x5, registered at 0.000s by pid 100" },
	{ "ctl-eexist: held, and its thread's next calls lost",
	  { ADD(5, EPOLLIN), FAILS(EPOLL_CTL_ADD, 5, EPOLLOUT, EEXIST), LOST_THEN(list_with_5),
	    EMPTY_WAITS(1) },
	  "" },
	{ "ctl-eexist: ADD, EEXIST, then MOD is a recovery",
	  { ADD(5, EPOLLIN), FAILS(EPOLL_CTL_ADD, 5, EPOLLOUT, EEXIST), MOD(5, EPOLLOUT) },
	  "recovered ctl-eexist 1" },

	{ "ctl-enoent: a MOD after the DEL",
	  { ADD(5, EPOLLIN), SECONDS(2), DEL(5), FAILS(EPOLL_CTL_MOD, 5, EPOLLIN, ENOENT),
	    EMPTY_WAITS(1) },
	  "ctl-enoent pid 100 epfd 3 fd 5: epoll_ctl(3, EPOLL_CTL_MOD, 5, events=EPOLLIN) "
	  "failed with ENOENT; its registration was deleted at 2.000s" },
	{ "ctl-enoent: a DEL before close, and MOD then ADD, are recoveries",
	  { FAILS(EPOLL_CTL_DEL, 5, 0, ENOENT), CLOSED(PID, 5),
	    FAILS(EPOLL_CTL_MOD, 7, EPOLLIN, ENOENT), ADD(7, EPOLLIN) },
	  "recovered ctl-enoent 2" },

	{ "closed-while-registered: the kernel keeps the registration after the close",
	  { SECONDS(0.25), ADD(5, EPOLLIN), { .act = KEEP, .text = list_with_5 }, CLOSED(PID, 5) },
	  "closed-while-registered pid 100 epfd 3 fd 5: fd 5 was closed while registered "
	  "(events=EPOLLIN|EPOLLERR|EPOLLHUP data=0x5, registered at 0.250s) and never "
	  "deleted; its file is still open elsewhere (a dup, a child, or a passed fd), so "
	  "the registration stays" },
	{ "closed-while-registered: an O_CLOEXEC fd closed by execve, its file kept by a dup",
	  { ADD(5, EPOLLIN), { .act = KEEP, .text = list_with_5 }, { .act = EXEC, .fd = 5 } },
	  "closed-while-registered pid 100 epfd 3 fd 5: fd 5 was closed by execve (O_CLOEXEC) "
	  "while registered (events=EPOLLIN|EPOLLERR|EPOLLHUP data=0x5, registered at 0.000s) "
	  "and never deleted; its file is still open elsewhere (a dup, a child, or a passed fd), "
	  "so the registration stays" },
	{ "closed-while-registered: the registration went with its file",
	  { ADD(5, EPOLLIN), CLOSED(PID, 5) },
	  "" },

	{ "closed-while-registered: a close seen after another thread reused the number",
	  /* haproxy: one thread closes a connection that another's instance
	     registers; that thread accepts fd 11 again and adds it before the
	     tracer handles the first one's close. */
	  { FILE_OPEN(PID, 11, "socket:[110]", 110, S_IFSOCK, O_RDWR | O_NONBLOCK),
	    ADD(11, EPOLLIN), EVENTS(EPOLLIN, 11),
	    FILE_OPEN(PID, 11, "socket:[111]", 111, S_IFSOCK, O_RDWR | O_NONBLOCK),
	    ADD(11, EPOLLIN), { .act = KEEP, .text = list_with_11_reopened },
	    { .act = CLOSE_SEEN, .fd = 11 }, EVENTS(EPOLLIN, 11), EMPTY_WAITS(1) },
	  "" },

	{ "stale-event: an event for a deleted registration",
	  { ADD(5, EPOLLIN), SECONDS(3), DEL(5), EVENTS(EPOLLIN, 5) },
	  "stale-event pid 100 epfd 3 fd 5: a wait returned events=EPOLLIN data=0x5 for fd 5, "
	  "whose registration was deleted at 3.000s" },
	{ "stale-event: the event came before the DEL",
	  { ADD(5, EPOLLIN), EVENTS(EPOLLIN, 5), DEL(5), EMPTY_WAITS(1) },
	  "" },

	{ "oneshot-not-rearmed: four waits after it fired",
	  { ADD(5, EPOLLIN | EPOLLONESHOT), EVENTS(EPOLLIN, 5), EMPTY_WAITS(4) },
	  "oneshot-not-rearmed pid 100 epfd 3 fd 5: fd 5 (registered with "
	  "EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLONESHOT, data=0x5) fired at 0.000s and was not "
	  "re-armed with EPOLL_CTL_MOD in the 4 waits since" },
	{ "oneshot-not-rearmed: its re-arm lost, and the list read again",
	  { ADD(5, EPOLLIN | EPOLLONESHOT), EVENTS(EPOLLIN, 5), LOST_THEN(list_with_5_armed),
	    EMPTY_WAITS(4), SECONDS(5) },
	  "" },
	{ "oneshot-not-rearmed: waits told after calls were lost, before the list is read",
	  { ADD(5, EPOLLIN | EPOLLONESHOT), EVENTS(EPOLLIN, 5), { .act = LOST }, EMPTY_WAITS(4),
	    SECONDS(5) },
	  "" },
	{ "oneshot-not-rearmed: found disarmed after a loss, counted from then",
	  { ADD(5, EPOLLIN | EPOLLONESHOT), EVENTS(EPOLLIN, 5), EMPTY_WAITS(2),
	    LOST_THEN(list_with_5_disarmed), EMPTY_WAITS(2) },
	  "" },
	{ "oneshot-not-rearmed: re-armed after it fired",
	  { ADD(5, EPOLLIN | EPOLLONESHOT), EVENTS(EPOLLIN, 5), MOD(5, EPOLLIN | EPOLLONESHOT),
	    EMPTY_WAITS(4), SECONDS(5) },
	  "" },

	{ "et-blocking-fd: an edge-triggered socket without O_NONBLOCK",
	  { FILE_OPEN(PID, 6, "socket:[60]", 60, S_IFSOCK, O_RDWR), ADD(6, EPOLLIN | EPOLLET),
	    EVENTS(EPOLLIN, 6), EMPTY_WAITS(1) },
	  "et-blocking-fd pid 100 epfd 3 fd 6: fd 6 was registered with "
	  "EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLET at 0.000s, and it is blocking (no O_NONBLOCK) "
	  "when the loop waits" },
	{ "et-blocking-fd: an edge-triggered fd with O_NONBLOCK",
	  { ADD(5, EPOLLIN | EPOLLET), EVENTS(EPOLLIN, 5), EMPTY_WAITS(1) },
	  "" },
	{ "et-blocking-fd: a blocking eventfd, which one read drains, and a socket never ready",
	  { FILE_OPEN(PID, 6, "anon_inode:[eventfd]", 60, 0, O_RDWR), ADD(6, EPOLLIN | EPOLLET),
	    FILE_OPEN(PID, 7, "socket:[70]", 70, S_IFSOCK, O_RDWR), ADD(7, EPOLLIN | EPOLLET),
	    EVENTS(EPOLLIN, 6), EMPTY_WAITS(2) },
	  "" },
	{ "et-blocking-fd: nginx's EPOLLRDHUP probe, reported once and closed unread",
	  { FILE_OPEN(PID, 6, "socket:[60]", 60, S_IFSOCK, O_RDWR),
	    ADD(6, EPOLLIN | EPOLLRDHUP | EPOLLET), EVENTS(EPOLLIN | EPOLLRDHUP, 6),
	    CLOSED(PID, 6), EMPTY_WAITS(2) },
	  "" },

	{ "level-not-consumed: a hang-up reported wait after wait",
	  { ADD(5, EPOLLIN), { .act = WAIT, .events = EPOLLIN | EPOLLHUP, .fd = 5, .n = 1, .times = 3 } },
	  "level-not-consumed pid 100 epfd 3 fd 5: 3 waits in a row reported fd 5 with "
	  "events=EPOLLIN|EPOLLHUP; it is registered with events=EPOLLIN|EPOLLERR|EPOLLHUP" },
	{ "level-not-consumed: readable data, then a hang-up handled at once",
	  { ADD(5, EPOLLIN), { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 1, .times = 3 },
	    EVENTS(EPOLLIN | EPOLLHUP, 5), DEL(5) },
	  "" },

	{ "spin-loop: empty waits with timeout 0",
	  { SECONDS(0.001), { .act = WAIT, .zero_timeout = true, .times = 3 } },
	  "spin-loop pid 100 epfd 3 fd -1: thread 100 made 3 waits in a row with timeout 0 "
	  "that found nothing, the first at 0.001s" },
	{ "spin-loop: a run of empty waits broken by lost calls",
	  { ZERO_WAITS(2), LOST_THEN(list_empty), ZERO_WAITS(2) },
	  "" },
	{ "spin-loop: zero timeouts that find work in between",
	  { ADD(5, EPOLLIN), { .act = WAIT, .zero_timeout = true, .times = 2 },
	    { .act = WAIT, .zero_timeout = true, .events = EPOLLIN, .fd = 5, .n = 1 },
	    { .act = WAIT, .zero_timeout = true, .times = 2 } },
	  "" },

	{ "maxevents-saturated: every wait fills the array",
	  { FILE_OPEN(PID, 6, "pipe:[60]", 60, S_IFIFO, O_RDONLY | O_NONBLOCK), ADD(5, EPOLLIN),
	    ADD(6, EPOLLIN),
	    { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 2, .maxevents = 2, .times = 3 } },
	  "maxevents-saturated pid 100 epfd 3 fd -1: 3 waits in a row returned exactly "
	  "maxevents=2 events" },
	{ "maxevents-saturated: a wait with room to spare breaks the run",
	  { FILE_OPEN(PID, 6, "pipe:[60]", 60, S_IFIFO, O_RDONLY | O_NONBLOCK), ADD(5, EPOLLIN),
	    ADD(6, EPOLLIN),
	    { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 2, .maxevents = 2, .times = 2 },
	    { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 1, .maxevents = 2 },
	    { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 2, .maxevents = 2, .times = 2 } },
	  "" },

	{ "thundering-herd: two blocked threads woken for one event",
	  { ADD(5, EPOLLIN), { .act = BEGIN }, { .act = BEGIN, .pid = THREAD },
	    { .act = RETURN, .events = EPOLLIN, .fd = 5, .n = 1 },
	    { .act = RETURN, .pid = THREAD, .events = EPOLLIN, .fd = 5, .n = 1 } },
	  "thundering-herd pid 100 epfd 3 fd 5: threads 100 and 101, both blocked in a wait "
	  "on this instance, were woken for the same event on fd 5" },
	{ "thundering-herd: EPOLLEXCLUSIVE, and one thread's waits in turn",
	  { ADD(5, EPOLLIN | EPOLLEXCLUSIVE), { .act = BEGIN }, { .act = BEGIN, .pid = THREAD },
	    { .act = RETURN, .events = EPOLLIN, .fd = 5, .n = 1 },
	    { .act = RETURN, .pid = THREAD, .events = EPOLLIN, .fd = 5, .n = 1 },
	    { .act = WAIT, .events = EPOLLIN, .fd = 5, .n = 1, .times = 2 } },
	  "" },

	{ "shared-across-fork: parent and child both change one instance",
	  { FILE_OPEN(CHILD, EPFD, EPOLL_LINK, 1, 0, O_RDWR), ADD(5, EPOLLIN),
	    { .act = CTL, .pid = CHILD, .op = EPOLL_CTL_ADD, .fd = 5, .events = EPOLLIN, .err = EEXIST },
	    { .act = CTL, .pid = CHILD, .op = EPOLL_CTL_MOD, .fd = 5, .events = EPOLLIN } },
	  "shared-across-fork pid 200 epfd 3 fd -1: pid 100 uses this instance, and so does "
	  "pid 200 through its epfd 3\n"
	  "recovered ctl-eexist 1" },
	{ "shared-across-fork: the parent hands the instance over",
	  { FILE_OPEN(CHILD, EPFD, EPOLL_LINK, 1, 0, O_RDWR), ADD(5, EPOLLIN),
	    { .act = LOAD, .pid = CHILD }, CLOSED(PID, EPFD),
	    { .act = CTL, .pid = CHILD, .op = EPOLL_CTL_DEL, .fd = 5 } },
	  "" },

	{ "eperm-unpollable: a regular file",
	  { FILE_OPEN(PID, 6, "/etc/passwd", 60, S_IFREG, O_RDONLY),
	    FAILS(EPOLL_CTL_ADD, 6, EPOLLIN, EPERM) },
	  "eperm-unpollable pid 100 epfd 3 fd 6: epoll_ctl(3, EPOLL_CTL_ADD, 6, events=EPOLLIN) "
	  "failed with EPERM: fd 6 is the regular file /etc/passwd" },
	{ "eperm-unpollable: a pipe is pollable",
	  { ADD(5, EPOLLIN) },
	  "" },

	{ "exclusive-misuse: MOD of an exclusive registration",
	  { ADD(5, EPOLLIN | EPOLLEXCLUSIVE), FAILS(EPOLL_CTL_MOD, 5, EPOLLIN | EPOLLOUT, EINVAL) },
	  "exclusive-misuse pid 100 epfd 3 fd 5: epoll_ctl(3, EPOLL_CTL_MOD, 5, "
	  "events=EPOLLIN|EPOLLOUT) failed with EINVAL: the registration has EPOLLEXCLUSIVE, "
	  "which EPOLL_CTL_MOD cannot change" },
	{ "exclusive-misuse: DEL and ADD again instead of MOD",
	  { ADD(5, EPOLLIN | EPOLLEXCLUSIVE), DEL(5), ADD(5, EPOLLIN | EPOLLOUT | EPOLLEXCLUSIVE) },
	  "" },

	{ "nested-loop: a cycle, and an instance added to itself",
	  { FILE_OPEN(PID, 4, EPOLL_LINK, 2, 0, O_RDWR), FAILS(EPOLL_CTL_ADD, 4, EPOLLIN, ELOOP),
	    FAILS(EPOLL_CTL_ADD, EPFD, EPOLLIN, EINVAL) },
	  "nested-loop pid 100 epfd 3 fd 4: epoll_ctl(3, EPOLL_CTL_ADD, 4, events=EPOLLIN) "
	  "failed with ELOOP: the instance behind fd 4 already contains this one, or the "
	  "nesting would be too deep\n"
	  "nested-loop pid 100 epfd 3 fd 3: epoll_ctl(3, EPOLL_CTL_ADD, 3, events=EPOLLIN) "
	  "failed with EINVAL: fd 3 is this same instance" },
	{ "nested-loop: one instance inside another",
	  { FILE_OPEN(PID, 4, EPOLL_LINK, 2, 0, O_RDWR), ADD(4, EPOLLIN) },
	  "" },

	{ "loop-blocked: a handler blocked reading another fd, seen while it is",
	  { FILE_OPEN(PID, 7, "pipe:[70]", 70, S_IFIFO, O_RDONLY), ADD(5, EPOLLIN),
	    EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_read, 7, "pipe_read"), SECONDS(0.05), TICKS,
	    SECONDS(0.15), TICKS, SECONDS(0.25), TICKS, SECONDS(0.5), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 250 ms "
	  "(since its wait returned at 0.000s); it is in read(7<pipe:[70]>, ...), sleeping in "
	  "the kernel's pipe_read" },
	{ "loop-blocked: a thread that computes; another thread's block on the instance is a repeat",
	  { EVENTS(EPOLLIN, 5), RUNNING_WITH_CPU(1), SECONDS(0.15), TICKS,
	    RUNNING_WITH_CPU(1.05), SECONDS(0.2), TICKS,
	    { .act = WAIT, .pid = THREAD },
	    BLOCKED_IN(NR_clock_nanosleep, 0x10, "hrtimer_nanosleep"),
	    SECONDS(0.4), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 200 ms "
	  "(since its wait returned at 0.000s); it is running, in no system call: a long "
	  "computation, or a spin" },
	{ "loop-blocked: back in its wait before the threshold, or waiting since",
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_read, 7, "pipe_read"), SECONDS(0.05), TICKS,
	    { .act = BEGIN }, SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: waiting on a lock while another thread is held by epolltrace",
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"),
	    { .act = OTHER_STOPS, .n = 1 },
	    SECONDS(0.1), TICKS, SECONDS(0.2), TICKS, SECONDS(0.3), TICKS, { .act = BEGIN },
	    SECONDS(0.5), TICKS },
	  "" },
	{ "loop-blocked: waiting on a lock whose holder waits for a CPU, then really held",
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"), SECONDS(0.1), TICKS,
	    WAITED_FOR_CPU(THREAD, 0.2), SECONDS(0.3), TICKS, WAITED_FOR_CPU(THREAD, 0.45),
	    SECONDS(0.5), TICKS, SECONDS(0.6), TICKS, SECONDS(0.7), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 600 ms "
	  "(since its wait returned at 0.000s); it is in futex(0x1000, ...), sleeping in the "
	  "kernel's futex_wait" },
	{ "loop-blocked: waiting on a lock, beside four busy threads that each wait half the time",
	  /* All told they wait twice the time that passes; none held the loop up that long. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"), SECONDS(0.1), TICKS,
	    WAITED_FOR_CPU(THREAD, 0.1), WAITED_FOR_CPU(THREAD + 1, 0.1),
	    WAITED_FOR_CPU(THREAD + 2, 0.1), WAITED_FOR_CPU(THREAD + 3, 0.1), SECONDS(0.3),
	    TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 300 ms "
	  "(since its wait returned at 0.000s); it is in futex(0x1000, ...), sleeping in the "
	  "kernel's futex_wait" },
	{ "loop-blocked: waiting on a lock whose holder, held at a stop, waits for epolltrace",
	  /* The holder waited for a CPU, then for epolltrace, which waited for one too. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"), SECONDS(0.1), TICKS,
	    WAITED_FOR_CPU(THREAD, 0.1), WAITED_FOR_CPU(-1, 0.1), SECONDS(0.3), TICKS,
	    { .act = BEGIN }, SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: a thread made while the loop waits on a lock waits for a CPU all its life",
	  { EVENTS(EPOLLIN, 5), WAITED_FOR_CPU(THREAD, 0.5),
	    BLOCKED_IN(NR_futex, 0x1000, "futex_wait"),
	    SECONDS(0.1), TICKS, WAITED_FOR_CPU(THREAD, 0.5), WAITED_FOR_CPU(THREAD + 1, 0.2),
	    SECONDS(0.3), TICKS, { .act = BEGIN }, SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: a lock's holder, woken, still waits for a CPU: its wait not counted yet",
	  /* schedstat adds a wait only as a CPU takes the thread: Node's V8 workers, loaded. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"), SECONDS(0.1), TICKS,
	    READY_TO_RUN(THREAD, 1), SECONDS(0.15), TICKS, SECONDS(0.2), TICKS, SECONDS(0.3),
	    TICKS, SECONDS(0.4), TICKS, SECONDS(0.5), TICKS, GIVEN_CPU(THREAD),
	    WAITED_FOR_CPU(THREAD, 0.4), READY_TO_RUN(THREAD, 0), { .act = BEGIN },
	    SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: waiting on a lock beside a busy thread, always ready, given a CPU half the time",
	  /* Counted as waiting since the look before, it is reported later, not never. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_futex, 0x1000, "futex_wait"), READY_TO_RUN(THREAD, 1),
	    SECONDS(0.1), TICKS, GIVEN_CPU(THREAD), WAITED_FOR_CPU(THREAD, 0.1), SECONDS(0.3),
	    TICKS, GIVEN_CPU(THREAD), WAITED_FOR_CPU(THREAD, 0.15), SECONDS(0.4), TICKS,
	    GIVEN_CPU(THREAD), WAITED_FOR_CPU(THREAD, 0.2), SECONDS(0.5), TICKS,
	    GIVEN_CPU(THREAD), WAITED_FOR_CPU(THREAD, 0.25), SECONDS(0.6), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 600 ms "
	  "(since its wait returned at 0.000s); it is in futex(0x1000, ...), sleeping in the "
	  "kernel's futex_wait" },
	{ "loop-blocked: blocked in a read while its process's busy threads wait for a CPU",
	  /* Four of them on two CPUs wait twice the time that passes: no lock is involved. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_read, 7, "pipe_read"), SECONDS(0.1), TICKS,
	    WAITED_FOR_CPU(THREAD, 0.3), SECONDS(0.2), TICKS, WAITED_FOR_CPU(THREAD, 0.7),
	    SECONDS(0.4), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 200 ms "
	  "(since its wait returned at 0.000s); it is in read(7, ...), sleeping in the kernel's "
	  "pipe_read" },
	{ "loop-blocked: an i386 loop in socketcall(2), named by the call it makes",
	  /* SYS_RECV: its fd is in memory. */
	  I386_AWAY_150_MS(102, 10, "unix_stream_read_generic"),
	  AWAY_150_MS_IN("recv(...), sleeping in the kernel's unix_stream_read_generic") },
	{ "loop-blocked: an i386 loop in ipc(2), named by its first argument's low half",
	  /* IPCCALL(1, MSGRCV) */
	  I386_AWAY_150_MS(117, 0x1000c, "do_msgrcv"),
	  AWAY_150_MS_IN("msgrcv(...), sleeping in the kernel's do_msgrcv") },
	{ "loop-blocked: i386's select(2) of five arguments is _newselect, as strace names it",
	  I386_AWAY_150_MS(NR_I386__newselect, 4, "do_select"),
	  AWAY_150_MS_IN("_newselect(0x4, ...), sleeping in the kernel's do_select") },
	{ "loop-blocked: i386's old select(2), of one pointer, is select",
	  I386_AWAY_150_MS(NR_I386_select, 0xffd0, "do_select"),
	  AWAY_150_MS_IN("select(0xffd0, ...), sleeping in the kernel's do_select") },
	{ "loop-blocked: a socketcall(2) call i386 does not have is the number it is",
	  I386_AWAY_150_MS(102, 21, NULL), AWAY_150_MS_IN("system call 102") },
	{ "loop-blocked: calls that open fds wait while a shared fd table grows",
	  /* accept4 of a non-blocking listener, and socket(), in the storm. */
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_accept4, 5, "expand_files"), SECONDS(0.1), TICKS,
	    /* socket(2), which no row of arch/syscalls.csv names: x86-64's number. */
	    SECONDS(0.2), TICKS, BLOCKED_IN(41, 1, "synchronize_rcu_normal"), SECONDS(0.3), TICKS,
	    SECONDS(0.4), TICKS, { .act = BEGIN }, SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: a batch of calls, each short, the loop back before it is stuck",
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_read, 7, "pipe_read"), SECONDS(0.1), TICKS,
	    BLOCKED_IN(NR_write, 8, NULL), SECONDS(0.15), TICKS, BLOCKED_IN(NR_read, 7, NULL),
	    SECONDS(0.2), TICKS, { .act = BEGIN }, SECONDS(0.5), TICKS },
	  "" },
	{ "loop-blocked: slow in exit_group (its mount namespace going): leaving, not blocked",
	  { EVENTS(EPOLLIN, 5), BLOCKED_IN(NR_exit_group, 0, "synchronize_rcu_expedited"),
	    SECONDS(0.1), TICKS, SECONDS(0.2), TICKS, SECONDS(0.5), TICKS },
	  "" },
	{ "loop-blocked: its program's code read in from disk (a major page fault), the machine's time",
	  { EVENTS(EPOLLIN, 5), PAGING_IN("folio_wait_bit_common"), SECONDS(0.1), TICKS,
	    SECONDS(0.15), TICKS, SECONDS(0.2), TICKS, SECONDS(0.5), TICKS, { .act = BEGIN },
	    SECONDS(1), TICKS },
	  "" },
	{ "loop-blocked: a page fault is a break, not an excuse: blocked reading after it",
	  { FILE_OPEN(PID, 7, "pipe:[70]", 70, S_IFIFO, O_RDONLY), EVENTS(EPOLLIN, 5),
	    PAGING_IN("folio_wait_bit_common"), SECONDS(0.1), TICKS, SECONDS(0.2), TICKS,
	    BLOCKED_IN(NR_read, 7, "pipe_read"), SECONDS(0.225), TICKS, SECONDS(0.25), TICKS,
	    SECONDS(0.3), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 300 ms "
	  "(since its wait returned at 0.000s); it is in read(7<pipe:[70]>, ...), sleeping in "
	  "the kernel's pipe_read" },
	{ "loop-blocked: asleep outside any call, not paging in: on a userfaultfd page, the program's",
	  { EVENTS(EPOLLIN, 5), ASLEEP_OUTSIDE("handle_userfault"), SECONDS(0.1), TICKS,
	    SECONDS(0.15), TICKS },
	  "loop-blocked pid 100 epfd 3 fd -1: thread 100 has not waited on epfd 3 for 150 ms "
	  "(since its wait returned at 0.000s); it is blocked outside any system call, sleeping "
	  "in the kernel's handle_userfault" },
	{ "loop-blocked: running, but given no CPU time by a busy machine, or making calls",
	  { EVENTS(EPOLLIN, 5), RUNNING_WITH_CPU(1), SECONDS(0.15), TICKS, SECONDS(0.5), TICKS,
	    RUNNING_WITH_CPU(1.01), SECONDS(0.9), TICKS,
	    { .act = RUNS, .ns = 2000000000, .n = 1 }, SECONDS(1), TICKS,
	    { .act = RUNS, .ns = 2500000000, .n = 2 }, SECONDS(1.5), TICKS },
	  "" },

	{ "et-blocking-fd: caught blocking in a read of the fd, before the loop waits again",
	  { FILE_OPEN(PID, 6, "pipe:[60]", 60, S_IFIFO, O_RDONLY), ADD(6, EPOLLIN | EPOLLET),
	    EVENTS(EPOLLIN, 6), BLOCKED_IN(NR_read, 6, NULL), SECONDS(0.125), TICKS, SECONDS(0.2),
	    TICKS },
	  "et-blocking-fd pid 100 epfd 3 fd 6: fd 6 is registered with "
	  "EPOLLIN|EPOLLERR|EPOLLHUP|EPOLLET and blocking (no O_NONBLOCK), and thread 100 has "
	  "been blocked reading it for 200 ms, in read(6<pipe:[60]>, ...)" },
};

static struct model_wait wait_of(const struct step *s)
{
	return (struct model_wait) {
		.abi = s->i386 ? &abi_i386 : NULL, .tgid = PID, .tid = s->pid ? s->pid : PID, .epfd = EPFD,
		.maxevents = s->maxevents ? s->maxevents : 8, .zero_timeout = s->zero_timeout,
	};
}

static void wait_returns(struct model *m, const struct step *s)
{
	struct model_event ev[8];
	for (int i = 0; i < s->n; i++)
		ev[i] = (struct model_event) { s->events, (uint64_t) (s->fd + i) };
	struct model_wait w = wait_of(s);
	model_wait_done(m, &w, 0, ev, (size_t) s->n);
}

static void run_step(struct model *m, const struct step *s)
{
	pid_t pid = s->pid ? s->pid : PID;
	struct model_wait w = wait_of(s);
	switch (s->act) {
	case CTL:
		model_ctl_done(m, &(struct model_ctl) {
			.tgid = pid, .tid = pid, .epfd = EPFD, .op = s->op, .fd = s->fd,
			.has_event = s->op != EPOLL_CTL_DEL, .events = s->events,
			.data = (uint64_t) s->fd, .err = s->err,
		});
		break;
	case WAIT:
		model_wait_started(m, &w);
		wait_returns(m, s);
		break;
	case BEGIN:
		model_wait_started(m, &w);
		break;
	case RETURN:
		wait_returns(m, s);
		break;
	case CLOSE:
		fake_close(pid, s->fd);
		model_fds_closed(m, pid, pid, (unsigned int) s->fd, (unsigned int) s->fd, false,
				 FD_FATE_UNSEEN);
		break;
	case CLOSE_SEEN:
		model_fds_closed(m, pid, THREAD, (unsigned int) s->fd, (unsigned int) s->fd, false,
				 FD_FATE_UNSEEN);
		break;
	case EXEC:
		fake_close(pid, s->fd);
		model_exec(m, pid);
		break;
	case OPEN:
		fake_open(pid, s->fd, s->link, s->file, s->mode, s->flags);
		break;
	case KEEP:
		fake.lists[0].text = s->text;
		break;
	case AT:
		fake.now = s->ns;
		break;
	case LOAD:
		model_load_process(m, pid);
		break;
	case IN_CALL:
		fake.sc = (struct task_syscall) { .activity = TASK_IN_CALL, .nr = s->n,
						  .args = { (uint64_t) s->fd } };
		fake.wchan = s->text;
		break;
	case RUNS:
		fake.sc = (struct task_syscall) { .activity = TASK_RUNNING, .cpu_ns = (uint64_t) s->ns,
						  .sleeps = (uint64_t) s->n };
		fake.wchan = NULL;
		break;
	case OUTSIDE:
		fake.sc = (struct task_syscall) {
			.activity = s->n ? TASK_PAGING_IN : TASK_OUTSIDE_CALL };
		fake.wchan = s->text;
		break;
	case TICK:
		model_tick(m);
		break;
	case OTHER_STOPS:
		fake.other_stopped = s->n;
		break;
	case CPU_WAIT:
		fake_waited(s->pid < 0 ? 0 : pid, (uint64_t) s->ns);
		break;
	case READY:
		fake_thread(pid)->ready = s->n;
		break;
	case RAN:
		fake_thread(pid)->slices++;
		fake_thread(pid)->ran_ns += 1000000;
		break;
	case LOST:
		model_calls_lost(m, pid);
		break;
	case CAUGHT_UP:
		model_catch_up(m);
		break;
	case END:
		break;
	}
}

/* Process PID with its epoll fd EPFD, a non-blocking pipe as fd 5 and an empty list. */
static struct model *start(void)
{
	static const struct model_config cfg = {
		.diagnose = true, .sees_closes = true,
		.oneshot_waits = 3, .oneshot_ms = 1000, .repeat_waits = 3, .spin_waits = 3,
		.blocked_ms = 100,
	};
	static const struct model_output out = {
		.warning = on_warning, .dump_reg = on_dump_reg, .dump_check = on_dump_check,
	};
	fake.nfds = fake.nlists = 0;
	fake.now = 0;
	fake.sc = (struct task_syscall) { .activity = TASK_RUNNING };
	fake.wchan = NULL;
	fake.other_stopped = false;
	fake.nwaits = 0;
	fake.tracer_waited_ns = 0;
	sb_reset(&warnings);
	fake_open(PID, EPFD, EPOLL_LINK, 1, 0, O_RDWR);
	fake_open(PID, 5, "pipe:[50]", 50, S_IFIFO, O_RDONLY | O_NONBLOCK);
	fake_list(PID, EPFD, "pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n");
	struct model *m = model_new(&cfg, &out, &fake_env);
	model_epoll_created(m, PID, EPFD);
	return m;
}

/* Runs the case to the end of the trace: the warnings, then the recoveries counted. */
static const char *run(const struct diag_case *c)
{
	struct model *m = start();
	for (const struct step *s = c->steps; s->act != END; s++)
		for (int i = 0; i < (s->times ? s->times : 1); i++)
			run_step(m, s);
	model_finish(m);
	struct model_kind_count counts[DIAG_NKINDS];
	model_kind_counts(m, counts);
	for (int k = 0; k < DIAG_NKINDS; k++)
		if (counts[k].recovered)
			sb_printf(&warnings, "%srecovered %s %lu", warnings.len ? "\n" : "",
				  counts[k].kind, counts[k].recovered);
	model_free(m);
	return sb_str(&warnings);
}

int main(void)
{
	bool fires[DIAG_NKINDS] = { false }, silent[DIAG_NKINDS] = { false };
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tap_is(run(&cases[i]), cases[i].expect, "%s", cases[i].what);
		for (int k = 0; k < DIAG_NKINDS; k++) {
			char warning[64];
			snprintf(warning, sizeof(warning), "%s pid ", diag_kinds[k].name);
			if (!strncmp(cases[i].what, warning, strlen(diag_kinds[k].name)) &&
			    cases[i].what[strlen(diag_kinds[k].name)] == ':')
				*(strstr(cases[i].expect, warning) ? &fires[k] : &silent[k]) = true;
		}
	}
	struct strbuf untested = STRBUF_INIT;
	for (int k = 0; k < DIAG_NKINDS; k++)
		if (!fires[k] || !silent[k])
			sb_printf(&untested, " %s", diag_kinds[k].name);
	tap_is(sb_str(&untested), "", "every kind has a case where it fires and one where it is silent");
	sb_free(&untested);
	sb_free(&warnings);
	return tap_done();
}
