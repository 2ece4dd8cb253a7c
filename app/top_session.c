/* --top's life: made with the session, opened once tracing begins, a frame each interval. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "app/session.h"
#include "app/top_state.h"
#include "output/colour.h"
#include "top/top_screen.h"
#include "util/xalloc.h"

struct top *top_new(struct session *s, struct model_output *output)
{
	struct top *t = xcalloc(1, sizeof(*t));
	t->s = s;
	t->trace_output = *output;
	*output = top_frame_model_output(t);
	t->batch = s->opts->top.batch || !isatty(STDOUT_FILENO);
	t->view.targets = "";
	return t;
}

void top_free(struct top *t)
{
	if (!t)
		return;
	top_frame_free(t);
	sb_free(&t->targets_text);
	sb_free(&t->message);
	free(t->targets);
	free(t->stopped);
	free(t);
}

void top_watch_signals(sigset_t *watched)
{
	sigaddset(watched, SIGALRM);
	sigaddset(watched, SIGWINCH);
}

static void set_timer(unsigned int ms)
{
	struct itimerval it = {
		.it_interval = { ms / 1000, (ms % 1000) * 1000 },
		.it_value = { ms / 1000, (ms % 1000) * 1000 },
	};
	setitimer(ITIMER_REAL, &it, NULL);
}

void top_start(struct top *t, const pid_t *targets, size_t n)
{
	t->targets = xcalloc(n + 1, sizeof(*t->targets));
	memcpy(t->targets, targets, n * sizeof(*targets));
	t->ntargets = n;
	sb_puts(&t->targets_text, n == 1 ? "pid " : "pids ");
	for (size_t i = 0; i < n; i++)
		sb_printf(&t->targets_text, "%s%d", i ? "," : "", (int) targets[i]);
	t->view.targets = sb_str(&t->targets_text);
	clock_gettime(CLOCK_MONOTONIC, &t->start);
	t->last = t->start;
	top_frame_baseline(t);
	if (!t->batch) {
		/* The command's own output, if it writes to the terminal, is drawn over. */
		t->screen_open = top_screen_open(colour_wanted(t->s->opts->colour, stdout));
		if (!t->screen_open) {
			fprintf(stderr, "epolltrace: --top: cannot draw on this terminal; "
				"showing --batch's text instead\n");
			t->batch = true;
		}
	}
	if (t->screen_open)
		engine_watch_input(t->s->engine, STDIN_FILENO);
	top_frame_update(t);
	top_show(t);
	set_timer(t->s->opts->top.interval_ms);
}

static void frame(struct top *t)
{
	if (t->quiet || t->view.paused)
		return;
	if (!t->s->attaching)
		top_screen_redraw_all();
	top_frame_update(t);
	top_show(t);
}

bool top_signal(struct top *t, int sig)
{
	switch (sig) {
	case SIGALRM:
		frame(t);
		return true;
	case SIGWINCH:
		top_screen_resized();
		if (!t->quiet)
			top_show(t);
		return true;
	default:
		return false;
	}
}

void top_input(struct top *t)
{
	if (!t->screen_open) {
		/* No view reads the keys (--batch): they are the command's or nobody's. */
		return;
	}
	enum top_key key;
	while (t->screen_open && (key = top_screen_key()) != TOP_KEY_NONE)
		top_keys_act(t, key);
	if (t->screen_open)
		top_show(t);
}

void top_close(struct top *t)
{
	set_timer(0);
	if (t->screen_open) {
		top_screen_close();
		t->screen_open = false;
		engine_watch_input(t->s->engine, -1);
	}
	if (!t->frozen || !t->nstopped)
		return;
	pid_t first = t->stopped[0];
	if (t->nstopped == 1) {
		fprintf(stderr, "epolltrace: pid %d is stopped and untraced: inspect it with "
			"gdb -p %d; resume it with kill -CONT %d\n", (int) first, (int) first, (int) first);
		return;
	}
	struct strbuf listed = STRBUF_INIT, spaced = STRBUF_INIT;
	for (size_t i = 0; i < t->nstopped; i++) {
		sb_printf(&listed, "%s%d", i ? "," : "", (int) t->stopped[i]);
		sb_printf(&spaced, " %d", (int) t->stopped[i]);
	}
	fprintf(stderr, "epolltrace: pids %s are stopped and untraced: inspect one with gdb -p %d; "
		"resume them with kill -CONT%s\n", sb_str(&listed), (int) first, sb_str(&spaced));
	sb_free(&listed);
	sb_free(&spaced);
}

void top_detached(struct top *t, pid_t tgid)
{
	if (!t->frozen)
		return;
	size_t at = 0;
	while (at < t->nstopped && t->stopped[at] < tgid)
		at++;
	if (at < t->nstopped && t->stopped[at] == tgid)
		return;
	t->stopped = grow_array(t->stopped, &t->stopped_cap, t->nstopped, sizeof(*t->stopped));
	memmove(t->stopped + at + 1, t->stopped + at, (t->nstopped - at) * sizeof(*t->stopped));
	t->stopped[at] = tgid;
	t->nstopped++;
}
