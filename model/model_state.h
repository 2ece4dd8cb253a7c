/*
 * The model's state, shared by the files that keep it (instances.c,
 * processes.c) and those that watch it for bugs (watch_*.c).
 */
#ifndef EPOLLTRACE_MODEL_MODEL_STATE_H
#define EPOLLTRACE_MODEL_MODEL_STATE_H

#include <time.h>

#include "model/diag_kinds.h"
#include "model/epoll_model.h"
#include "procfs/epoll_fdinfo.h"
#include "util/u64_map.h"

/* One registration: the kernel's key is the open file plus the fd number. */
struct ep_entry {
	int tfd;
	uint32_t events;	/* as the kernel keeps them (ERR|HUP added) */
	uint64_t data;
	bool has_file_id;	/* ino and sdev known, from fdinfo */
	uint64_t ino;
	uint32_t sdev;
	pid_t registrant;	/* 0 when it was there before we came */
	int64_t since_ns;	/* -1 when it was there before we came */
	uint64_t reported;	/* events reported for it */
	size_t index;		/* in its instance's entries */
	/* Its fd number was closed or now names another file. */
	bool ghost;
	int64_t ghost_ns;
	/* ONESHOT fired: disarmed at the instance's wait count disarm_wait. */
	bool disarmed;
	uint32_t armed_events;	/* what it was registered with */
	uint64_t disarm_wait;
	int64_t disarm_ns;
	/* EPOLLET: whether the fd is non-blocking is looked at on the next wait. */
	bool et_check;
	/* The same events in consecutive waits: level-not-consumed. */
	uint64_t streak_wait;
	uint32_t streak_events;
	unsigned int streak;
};

/* A registration the program removed, for events that still name it. */
enum removal { REMOVED_BY_DEL, REMOVED_BY_CLOSE };
struct removed_reg {
	int tfd;
	uint64_t data;
	int64_t when_ns;
	enum removal why;
	bool used;
};

#define GRAVEYARD_SIZE 32
#define BATCH_KEPT 32

struct ep_instance {
	uint64_t id;
	struct ep_entry **entries;
	size_t n, cap;
	size_t nghosts;
	size_t ndisarmed;	/* entries with disarmed set: the ONESHOT check skips none */
	/* data -> entry (one of them if data repeats, a live one if any is) */
	struct u64_map by_data;
	struct u64_map data_uses;	/* data -> how many entries have it */
	struct u64_map by_tfd;	/* fd number -> the entry its file has (not ghosts) */
	struct removed_reg graveyard[GRAVEYARD_SIZE];
	size_t grave_next;
	size_t nhandles;	/* fds of traced processes that name it */
	/* The list may have changed without an epoll_ctl (io_uring): read it before use. */
	bool kernel_changed;
	pid_t user;		/* the process using it; another one means sharing */
	bool sharing_reported;
	uint64_t waits;		/* waits that returned */
	uint64_t wait_starts;	/* waits begun */
	unsigned int full_streak;	/* consecutive waits that filled maxevents */
	bool et_checks;		/* some entry has et_check set */
	/* The last batch a wait returned, for thundering-herd. */
	uint64_t batch_seq;
	pid_t batch_tid;
	uint64_t batch_data[BATCH_KEPT];
	size_t batch_n;
};

struct ep_handle {
	int fd;
	struct ep_instance *inst;
};

struct ep_process {
	pid_t tgid;
	struct ep_handle *handles;
	size_t n, cap;
	bool scanned;		/* every epoll fd it holds is among its handles */
};

/* An ADD or MOD failure that the thread's next call may show was handled. */
struct pending_warning {
	bool set;
	enum diag_kind kind;
	uint64_t inst_id;
	pid_t tgid;
	int epfd, fd, op;
	char *evidence;
};

struct ep_thread {
	pid_t tid;
	struct ep_instance *in_wait;
	uint64_t entry_batch_seq;
	unsigned int zero_streak;
	int64_t zero_since_ns;
	struct pending_warning pending;
};

struct diag_count {
	unsigned long warned;
	unsigned long repeats;
	unsigned long recovered;
};

struct model {
	struct model_config cfg;
	struct model_output out;
	struct timespec start;
	uint64_t next_id;
	struct ep_instance **insts;
	size_t ninsts, insts_cap;
	struct ep_process **procs;
	size_t nprocs, procs_cap;
	struct u64_map threads;	/* tid -> struct ep_thread * */
	struct u64_map warned[DIAG_NKINDS];	/* instance and fd -> already reported */
	struct diag_count counts[DIAG_NKINDS];
};

int64_t model_now(const struct model *m);

/* instances.c */
struct ep_instance *instance_new(struct model *m);
void instance_free(struct ep_instance *inst);
struct ep_entry *entry_add(struct ep_instance *inst, int tfd, uint32_t events, uint64_t data);
void entry_set_data(struct ep_instance *inst, struct ep_entry *e, uint64_t data);
void entry_remove(struct ep_instance *inst, struct ep_entry *e, enum removal why, int64_t now);
/* The entry whose file fd number tfd names now, as far as the model knows. */
struct ep_entry *entry_by_tfd(const struct ep_instance *inst, int tfd);
struct ep_entry *entry_by_data(const struct ep_instance *inst, uint64_t data);
/* A fired ONESHOT registration is disarmed until a MOD (kept counted). */
void entry_set_disarmed(struct ep_instance *inst, struct ep_entry *e, bool disarmed);
/* The fd number no longer names the entry's file: it lives on as a ghost. */
void entry_make_ghost(struct ep_instance *inst, struct ep_entry *e, int64_t now);
/* The newest removal of a registration with this data, or (by_tfd) this fd number. */
const struct removed_reg *graveyard_find(const struct ep_instance *inst, bool by_tfd,
					 uint64_t key);
/*
 * Takes over the kernel's list, read through tgid's fd; returns how many
 * registrations differed.
 */
size_t instance_reconcile(struct ep_instance *inst, const struct epoll_fdinfo *info, pid_t tgid,
			  int64_t now);
/* Counts what differs between the model and the kernel; 0 when they agree. */
size_t instance_differences(const struct ep_instance *inst, const struct epoll_fdinfo *info,
			    struct strbuf *why);

/* processes.c */
/* Whether tgid's fd is an epoll instance (now). */
bool fd_is_epoll(pid_t tgid, int fd);
/* Whether two fds are one open file description: kcmp(KCMP_FILE). */
bool same_file(pid_t pid1, int fd1, pid_t pid2, int fd2);
struct ep_process *process_get(struct model *m, pid_t tgid);
struct ep_process *process_find(const struct model *m, pid_t tgid);
/*
 * The instance behind tgid's epfd; NULL if epfd is no epoll fd.  One seen
 * for the first time is read from the kernel, and *learnt (if not NULL)
 * says so.
 */
struct ep_instance *instance_of(struct model *m, pid_t tgid, int epfd, bool *learnt);
/* The fd by which tgid holds inst, or -1. */
int handle_fd(const struct ep_process *p, const struct ep_instance *inst);
void handle_drop(struct model *m, struct ep_process *p, int fd);
/* A process's fd for inst, to read its list through; false when none is left. */
bool instance_holder(const struct model *m, const struct ep_instance *inst, pid_t *tgid, int *epfd);
/* Makes sure every epoll fd tgid holds is one of its handles. */
void process_scan(struct model *m, struct ep_process *p);
/* Re-reads inst's list from the kernel through tgid's epfd. */
size_t instance_resync(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd);
struct ep_thread *thread_get(struct model *m, pid_t tid);
/* The thread in slot i of the threads map, or NULL: for walking them all. */
struct ep_thread *thread_in_slot(const struct u64_map *threads, size_t i);

/* diag_report.c */
/* Prints the warning once per kind, instance and fd (fd -1: none); then counts. */
void diag_report(struct model *m, enum diag_kind kind, const struct ep_instance *inst,
		 pid_t tgid, int epfd, int fd, const char *evidence);
/* True, and counted, when this occurrence was already reported. */
bool diag_repeat(struct model *m, enum diag_kind kind, uint64_t inst_id, int fd);
void diag_report_id(struct model *m, enum diag_kind kind, uint64_t inst_id,
		    pid_t tgid, int epfd, int fd, const char *evidence);
/* "1.234s": when something happened, from the start of the trace. */
void print_when(struct strbuf *out, int64_t ns);
void pending_hold(struct ep_thread *th, enum diag_kind kind, const struct ep_instance *inst,
		  pid_t tgid, int epfd, int fd, int op, struct strbuf *evidence);
/* The thread's next call answered the held warning: it was handled. */
void pending_drop(struct ep_thread *th);
/* The thread's next call: held warnings it does not answer are printed. */
void pending_flush(struct model *m, struct ep_thread *th);

/* watch_*.c */
void watch_shared(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd);
void watch_et_checks(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd);
void watch_oneshot(struct model *m, struct ep_instance *inst, pid_t tgid, int epfd, bool at_end);

#endif
