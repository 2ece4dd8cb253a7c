/*
 * One epoll instance's interest list as the model keeps it: its
 * registrations, looked up by fd number and by data, and those it
 * recently lost, for events that still name them.
 */
#ifndef EPOLLTRACE_MODEL_INSTANCE_H
#define EPOLLTRACE_MODEL_INSTANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/model_env.h"
#include "procfs/epoll_fdinfo.h"
#include "util/strbuf.h"
#include "util/u64_map.h"

/* What the watchers remember of a registration; the list itself never reads it. */
struct entry_watch {
	/*
	 * EPOLLET: whether the fd is non-blocking is looked at when the loop
	 * waits again after an event for it (reported > et_reported).
	 */
	bool et_check;
	uint64_t et_reported;
	/* The same events in consecutive waits: level-not-consumed. */
	uint64_t streak_wait;
	uint32_t streak_events;
	unsigned int streak;
	/* The firing oneshot-not-rearmed was reported for (0: none). */
	uint64_t oneshot_warned;
};

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
	int64_t reported_ns;	/* when last, or -1 */
	size_t index;		/* in its instance's entries */
	/*
	 * Read from the kernel after lost calls (list_reread), and not seen
	 * in a call since: a call handled after that read may be in it already.
	 */
	bool reread;
	/* Its fd number was closed or now names another file. */
	bool ghost;
	int64_t ghost_ns;
	/* ONESHOT fired: disarmed at the instance's wait count disarm_wait. */
	bool disarmed;
	uint64_t firings;	/* times it was disarmed */
	uint32_t armed_events;	/* what it was registered with; 0 if found disarmed */
	uint64_t disarm_wait;
	int64_t disarm_ns;
	struct entry_watch watch;
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

/* What the watchers remember of an instance; the list itself never reads it. */
struct inst_watch {
	bool sharing_reported;
	unsigned int full_streak;	/* consecutive waits that filled maxevents */
	bool et_checks;		/* some entry with et_check has had an event since */
	/* The last batch a wait returned, for thundering-herd. */
	uint64_t batch_seq;
	pid_t batch_tid;
	uint64_t batch_data[BATCH_KEPT];
	size_t batch_n;
};

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
	uint64_t waits;		/* waits that returned */
	uint64_t wait_starts;	/* waits begun */
	struct inst_watch watch;
};

struct ep_instance *instance_new(uint64_t id);
void instance_free(struct ep_instance *inst);
struct ep_entry *entry_add(struct ep_instance *inst, int tfd, uint32_t events, uint64_t data);
void entry_set_data(struct ep_instance *inst, struct ep_entry *e, uint64_t data);
void entry_remove(struct ep_instance *inst, struct ep_entry *e, enum removal why, int64_t now);
/* The entry whose file fd number tfd names now, as far as the model knows. */
struct ep_entry *entry_by_tfd(const struct ep_instance *inst, int tfd);
struct ep_entry *entry_by_data(const struct ep_instance *inst, uint64_t data);
/* How many entries, ghosts included, have data. */
uint64_t entries_with_data(const struct ep_instance *inst, uint64_t data);
/* A fired ONESHOT registration is disarmed until a MOD (kept counted). */
void entry_set_disarmed(struct ep_instance *inst, struct ep_entry *e, bool disarmed);
/* A wait reported the entry: a ONESHOT one is disarmed now. */
void entry_fired(struct ep_instance *inst, struct ep_entry *e, int64_t now);
/* Whether tgid's fd number r->tfd names the file r was registered with (or the kernel does not say). */
bool is_named_by_its_fd(const struct model_env *env, pid_t tgid, const struct epoll_reg *r);
/* The fd number no longer names the entry's file: it lives on as a ghost. */
void entry_make_ghost(struct ep_instance *inst, struct ep_entry *e, int64_t now);
/* The newest removal of a registration with this data, or (by_tfd) this fd number. */
const struct removed_reg *graveyard_find(const struct ep_instance *inst, bool by_tfd,
					 uint64_t key);
/*
 * Takes over the kernel's list, read through tgid's fd; env tells which
 * registrations' fd numbers still name their files.  Returns how many
 * registrations differed.
 */
size_t instance_reconcile(struct ep_instance *inst, const struct epoll_fdinfo *info,
			  const struct model_env *env, pid_t tgid, int64_t now);
/* Counts what differs between the model and the kernel; 0 when they agree. */
size_t instance_differences(const struct ep_instance *inst, const struct epoll_fdinfo *info,
			    struct strbuf *why);

#endif
