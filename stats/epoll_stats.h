/*
 * The epoll section of the -c and -C summary: per epoll instance, how its
 * waits went (wake-ups, timeouts, EINTR, events per wake-up, blocked time)
 * and which data values its events carried most.
 */
#ifndef EPOLLTRACE_STATS_EPOLL_STATS_H
#define EPOLLTRACE_STATS_EPOLL_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode/decoder.h"
#include "model/epoll_model.h"
#include "stats/data_counts.h"
#include "stats/latency_hist.h"
#include "util/strbuf.h"
#include "util/u64_map.h"

/* The data values listed per instance. */
#define EPOLL_STATS_HOTTEST 10

/* An epoll instance as one process sees it: its fd there. */
struct epoll_instance {
	pid_t pid;
	int epfd;
	/*
	 * An epoll_create since gave its fd to a new instance, or the process
	 * ended: later waits by that pid on that fd are another instance's.
	 */
	bool gone;
	uint64_t waits;
	uint64_t wakeups;	/* waits that returned events */
	uint64_t timeouts;	/* waits that returned 0 */
	uint64_t eintrs;
	uint64_t events;	/* returned, over all wake-ups */
	uint64_t max_events;	/* returned by one wait */
	uint64_t full;		/* waits that returned maxevents events */
	struct latency_hist blocked;	/* ns from entry to exit of each wait */
	uint64_t blocked_ns;	/* their sum: the share of time spent waiting */
	int maxevents;		/* the last wait's */
	/* ns from a wait's return to its thread's next wait: the loop's own work. */
	struct latency_hist iterations;
	struct data_counts data;
};

/* A thread that waits: its loop's iterations, and where the one under way began. */
struct loop_thread {
	pid_t pid, tid;
	int epfd;		/* of its last wait */
	size_t instance;	/* index in instances of its last wait */
	uint64_t returned_ns;	/* when its last wait returned */
	struct latency_hist iterations;
};

struct epoll_stats {
	struct epoll_instance *instances;	/* in the order of their first wait */
	size_t count;
	size_t capacity;
	struct loop_thread *threads;	/* in the order of their first wait */
	size_t nthreads, threads_cap;
	struct u64_map thread_index;	/* tid -> index in threads */
};

/* A completed call of thread tid of process pid, begun at entry_ns (monotonic). */
struct counted_call {
	pid_t pid, tid;
	const struct syscall_call *call;
	uint64_t entry_ns, ns;
};

/*
 * For a wait, ev holds the first nev events it returned, as read, and fds
 * (or NULL) the fd each was registered for (-1: unknown).
 */
void epoll_stats_add(struct epoll_stats *es, const struct counted_call *cc,
		     const struct model_event *ev, const int *fds, size_t nev);

/*
 * The fd the hottest data are shown with: the one registered with it,
 * else the one the data word may hold (data.fd); -1 when neither is known.
 */
int epoll_stats_data_fd(const struct data_count *c);

/* Process pid has ended (a reused pid is another process): its instances are gone. */
void epoll_stats_process_ended(struct epoll_stats *es, pid_t pid);

/* The section's text; nothing when no wait was seen. */
void epoll_stats_print(struct strbuf *out, const struct epoll_stats *es);

void epoll_stats_free(struct epoll_stats *es);

#endif
