/*
 * How a diagnostic reaches the user: once per kind, instance and fd,
 * repeats counted; and a failed ADD or MOD held until the thread's next
 * call shows whether the program handled it.
 */
#ifndef EPOLLTRACE_MODEL_DIAG_REPORT_H
#define EPOLLTRACE_MODEL_DIAG_REPORT_H

#include "model/diag_kinds.h"
#include "model/epoll_model.h"
#include "model/instance.h"
#include "procfs/cpu_waits.h"

/* An ADD or MOD failure that the thread's next call may show was handled. */
struct pending_warning {
	bool set;
	enum diag_kind kind;
	uint64_t inst_id;
	pid_t tgid;
	int epfd, fd, op;
	char *evidence;
};

/* What the watchers remember of a thread. */
struct diag_thread {
	pid_t tid;
	struct pending_warning pending;
	uint64_t entry_batch_seq;	/* its instance's batch when its wait began */
	unsigned int zero_streak;	/* empty zero-timeout waits in a row */
	int64_t zero_since_ns;
	/* Its loop: whether it is away from its waits, since when, and where. */
	bool away;
	int64_t away_since_ns;
	const struct abi *abi;
	pid_t tgid;
	int epfd;
	bool away_told;		/* this time away was reported */
	/*
	 * Found away too long: what it did then (a call, or running), to see
	 * it keep at it without a break.
	 */
	bool seen;
	long seen_nr;
	enum task_activity seen_activity;
	int64_t seen_ns;
	uint64_t seen_cpu_ns, seen_sleeps;
	/*
	 * Blocked in a wait for another thread: its process's waits for a CPU
	 * then (seen_waits_read) and at the last look since, and how much of
	 * the time since is excused.
	 */
	bool seen_waits_read;
	struct cpu_waits seen_waits, last_waits;
	int64_t last_waits_ns;
	uint64_t excused_ns;
};

struct diag_count {
	unsigned long warned;
	unsigned long repeats;
	unsigned long recovered;
};

/* What every watcher is given: its limits, what it may read, where it reports. */
struct diag {
	const struct model_config *cfg;
	const struct model_env *env;
	const struct model_output *out;
	struct u64_map threads;	/* tid -> struct diag_thread * */
	struct u64_map warned[DIAG_NKINDS];	/* instance and fd -> already reported */
	struct diag_count counts[DIAG_NKINDS];
};

void diag_free(struct diag *d);
struct diag_thread *diag_thread(struct diag *d, pid_t tid);
/* Slot i of d->threads (0 to its cap): a thread, or NULL. */
struct diag_thread *diag_thread_at(const struct u64_map *threads, size_t i);
/* The thread is gone: its held warning is printed. */
void diag_thread_gone(struct diag *d, pid_t tid);
/* The trace is over: every held warning is printed. */
void diag_flush_all(struct diag *d);
/*
 * Calls of tgid were lost: what its threads held back or counted in a
 * row may have been answered or broken in the gap, so it is dropped.
 */
void diag_forget_process(struct diag *d, pid_t tgid);

/* Prints the warning once per kind, instance and fd (fd -1: none); then counts. */
void diag_report(struct diag *d, enum diag_kind kind, const struct ep_instance *inst,
		 pid_t tgid, int epfd, int fd, const char *evidence);
/* True, and counted, when this occurrence was already reported. */
bool diag_repeat(struct diag *d, enum diag_kind kind, uint64_t inst_id, int fd);
void diag_report_id(struct diag *d, enum diag_kind kind, uint64_t inst_id,
		    pid_t tgid, int epfd, int fd, const char *evidence);
/* The same, about thread th, found away from its waits on inst (-k shows its stack). */
void diag_report_away(struct diag *d, enum diag_kind kind, const struct ep_instance *inst,
		      const struct diag_thread *th, int fd, const char *evidence);
/* "at 1.234s": when something happened, from the start of the trace. */
void print_when(struct strbuf *out, int64_t ns);
void pending_hold(struct diag_thread *th, enum diag_kind kind, const struct ep_instance *inst,
		  pid_t tgid, int epfd, int fd, int op, struct strbuf *evidence);
/* The thread's next call answered the held warning: it was handled, and counted so. */
void pending_recovered(struct diag *d, struct diag_thread *th);
/* The thread's next call: held warnings it does not answer are printed. */
void pending_flush(struct diag *d, struct diag_thread *th);
void diag_kind_counts(const struct diag *d, struct model_kind_count *counts);

#endif
