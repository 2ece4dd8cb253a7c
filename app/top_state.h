/*
 * The session's side of --top, shared by its files: top_session.c (its
 * life: start, each interval, the end), top_frame.c (a frame's figures,
 * from -c's statistics and the model) and top_keys.c (what each key does).
 */
#ifndef EPOLLTRACE_APP_TOP_STATE_H
#define EPOLLTRACE_APP_TOP_STATE_H

#include <stdio.h>
#include <time.h>

#include "app/top_session.h"
#include "top/top_view.h"
#include "util/strbuf.h"

/* An instance's counts at the last frame, for its rates; as epoll_stats's instances. */
struct top_counts {
	uint64_t waits, wakeups, events, timeouts, eintrs, blocked_ns;
};

/* A registration's events at the last look at its list. */
struct top_fd_count {
	int fd;
	uint64_t data;
	uint64_t reported;
};

/* Where the model's dump lines go. */
enum top_dump_to { DUMP_TO_TRACE, DUMP_TO_VIEW, DUMP_TO_FILE };

struct top_diag_entry {
	struct top_diag d;
	pid_t pid;
	int epfd;
};

struct top {
	struct session *s;
	struct model_output trace_output;	/* the model's lines in the trace */
	bool batch;
	bool screen_open;
	bool quiet;		/* the view was closed; the trace goes on */
	bool frozen;		/* g: the processes were stopped and let go */
	bool asked_to_quit;	/* q on a command: waiting for y */
	pid_t *targets;		/* -p's processes, or the command */
	size_t ntargets;
	pid_t *stopped;		/* g: the processes left stopped, children too, ascending */
	size_t nstopped, stopped_cap;
	struct strbuf targets_text;
	struct strbuf message;
	struct timespec start, last;
	uint64_t last_cpu_ns;
	uint64_t last_calls;
	struct top_counts *counts;
	size_t ncounts, counts_cap;
	struct top_view view;
	size_t rows_cap;
	/* The selected instance, kept across frames that sort rows anew. */
	pid_t sel_pid;
	int sel_epfd;
	/* Diagnostics, newest first; those --batch printed. */
	struct top_diag_entry *diags;
	struct top_diag *diag_views;
	size_t ndiags, diags_cap, diags_printed;
	/* The interest list drilled into, and the counts of its last look. */
	enum top_dump_to dump_to;
	FILE *dump_file;
	struct top_fd_row *fds;
	size_t nfds, fds_cap;
	struct top_fd_count *fd_counts, *last_fd_counts;
	size_t nlast_fd_counts;
	struct timespec fds_time;
	double fds_secs;	/* since the look before, at the same instance */
	struct strbuf fds_check;
	unsigned int dumps;	/* d: files written */
};

double top_seconds_between(const struct timespec *a, const struct timespec *b);

/* top_frame.c */
/* What the first frame's rates count from: now. */
void top_frame_baseline(struct top *t);
/* A new frame's figures into t->view, over the time since the last. */
void top_frame_update(struct top *t);
/* The drilled-into instance's list, read from the model into t->view.fds. */
void top_frame_fds(struct top *t);
void top_frame_free(struct top *t);
/* The model's output under --top: to the view, and on to the trace. */
struct model_output top_frame_model_output(struct top *t);

/* Shows the view as it is (a key moved in it, or a frame came): drawn, or --batch's text. */
void top_show(struct top *t);
/* Says text on the view's message line until the next key. */
void top_say(struct top *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* top_keys.c */
void top_keys_act(struct top *t, enum top_key key);

#endif
