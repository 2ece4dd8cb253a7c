/*
 * What one frame of --top shows, as plain figures: the header, a row per
 * epoll instance, an instance's interest list, the diagnostics.  The
 * session fills it from -c's statistics and the model; the screen
 * (top_screen.h) and the text of --batch (top_text.h) draw it.
 */
#ifndef EPOLLTRACE_TOP_TOP_VIEW_H
#define EPOLLTRACE_TOP_TOP_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/epoll_model.h"

/* An epoll instance: rates over the last interval, the rest since the start. */
struct top_instance_row {
	pid_t pid;
	int epfd;
	long nfds;		/* registered, as the model knows; -1 unknown */
	unsigned long warnings;
	double waits, wakeups, events, timeouts, eintrs;	/* per second */
	double events_per_wakeup;
	int maxevents;		/* the last wait's */
	double blocked;		/* share of the interval its waits blocked (per thread waiting) */
	uint64_t p50_ns, p99_ns;	/* of the blocked time, over every wait */
	uint64_t iter_p99_ns;	/* of the loop's iterations: a wait's return to its thread's next wait */
};

/* One registration of the instance drilled into. */
struct top_fd_row {
	int fd;
	const char *name;	/* -y's, or what is wrong with the fd */
	uint32_t events;
	uint64_t data;
	bool disarmed;		/* ONESHOT fired and not re-armed */
	enum model_reg_state state;
	double events_per_sec;
	int64_t idle_ns;	/* since its last event; -1 when none was seen */
};

/* One diagnostic, as it was reported. */
struct top_diag {
	char *summary;		/* "[kind] pid P epfd E fd F: evidence" */
	char *text;		/* evidence and advice, whole */
	char *stack;		/* -k: the lines of the call's stack, or NULL */
	double at;		/* seconds since the start */
};

enum top_mode {
	TOP_INSTANCES,		/* the instances, and the diagnostics below them */
	TOP_FDS,		/* the selected instance's interest list */
	TOP_DIAG,		/* the selected diagnostic, whole */
};

struct top_view {
	/* The header. */
	const char *targets;	/* "pid 123" or "pids 123,456" */
	size_t nthreads;
	double elapsed;		/* seconds */
	double calls_per_sec;	/* epoll calls */
	double tracer_cpu;	/* share of one CPU */
	bool paused;
	const char *message;	/* a line of news for the user, or NULL */

	enum top_mode mode;
	struct top_instance_row *rows;
	size_t nrows;
	size_t sort_column;	/* in top_instance_columns[] */
	bool diags_focused;	/* arrows move in the diagnostics pane */
	size_t row;		/* the selected instance */

	/* TOP_FDS: the selected instance's list, hottest first. */
	pid_t fds_pid;
	int fds_epfd;
	struct top_fd_row *fds;
	size_t nfds;
	const char *fds_check;	/* the model against the kernel */
	size_t fd_row;		/* the first shown */

	/* Newest first. */
	const struct top_diag *diags;
	size_t ndiags;
	size_t diag;		/* the selected one */
};

/* What a key asks of the view. */
enum top_key {
	TOP_KEY_NONE,
	TOP_KEY_UP,
	TOP_KEY_DOWN,
	TOP_KEY_ENTER,
	TOP_KEY_BACK,		/* Escape, Backspace, left arrow */
	TOP_KEY_TAB,		/* between the instances and the diagnostics */
	TOP_KEY_SORT,		/* s */
	TOP_KEY_PAUSE,		/* p */
	TOP_KEY_DUMP,		/* d */
	TOP_KEY_FREEZE,		/* g: stop and detach, for gdb */
	TOP_KEY_QUIT,		/* q */
	TOP_KEY_YES,		/* y, to a question */
	TOP_KEY_REDRAW,		/* Ctrl-L */
	TOP_KEY_OTHER,
};

#endif
