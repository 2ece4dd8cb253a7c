/* What each key of --top's view does. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "app/top_state.h"
#include "top/top_columns.h"
#include "top/top_screen.h"

static void select_row(struct top *t, size_t row)
{
	if (row >= t->view.nrows)
		return;
	t->view.row = row;
	t->sel_pid = t->view.rows[row].pid;
	t->sel_epfd = t->view.rows[row].epfd;
}

static void move_by(struct top *t, int step)
{
	struct top_view *v = &t->view;
	switch (v->mode) {
	case TOP_INSTANCES:
		if (v->diags_focused) {
			if ((step > 0 && v->diag + 1 < v->ndiags) || (step < 0 && v->diag > 0))
				v->diag += (size_t) step;
		} else if ((step > 0 && v->row + 1 < v->nrows) || (step < 0 && v->row > 0)) {
			select_row(t, v->row + (size_t) step);
		}
		break;
	case TOP_FDS:
		if ((step > 0 && v->fd_row + 1 < v->nfds) || (step < 0 && v->fd_row > 0))
			v->fd_row += (size_t) step;
		break;
	case TOP_DIAG:
		break;
	}
}

static void open_selected(struct top *t)
{
	struct top_view *v = &t->view;
	if (v->mode != TOP_INSTANCES)
		return;
	if (v->diags_focused && v->diag < v->ndiags) {
		v->mode = TOP_DIAG;
	} else if (!v->diags_focused && v->row < v->nrows) {
		select_row(t, v->row);
		v->mode = TOP_FDS;
		top_frame_fds(t);
	}
}

/* d: every interest list, checked against the kernel's, into a file named on screen. */
static void dump_to_file(struct top *t)
{
	char name[64];
	snprintf(name, sizeof(name), "epolltrace-dump-%d-%u.txt", (int) getpid(), ++t->dumps);
	t->dump_file = fopen(name, "we");
	if (!t->dump_file) {
		top_say(t, "cannot write the interest lists to %s: %s", name, strerror(errno));
		return;
	}
	t->dump_to = DUMP_TO_FILE;
	model_dump(t->s->model, 0);
	t->dump_to = DUMP_TO_TRACE;
	bool failed = ferror(t->dump_file);
	if (fclose(t->dump_file) != 0)
		failed = true;
	t->dump_file = NULL;
	char cwd[512];
	if (failed)
		top_say(t, "cannot write the interest lists to %s", name);
	else
		top_say(t, "interest lists written to %s/%s", getcwd(cwd, sizeof(cwd)) ? cwd : ".", name);
}

/* g: stopped, then let go, so that gdb can attach where the loop is now. */
static void freeze(struct top *t)
{
	if (!t->s->attaching) {
		top_say(t, "g works under -p only: a command started by epolltrace cannot run untraced");
		return;
	}
	t->frozen = true;
	engine_detach_all_stopped(t->s->engine);
	top_say(t, "stopping and detaching...");
}

static void quit(struct top *t)
{
	if (t->s->attaching) {
		engine_detach_all(t->s->engine);
		top_say(t, "detaching; the processes run on...");
		return;
	}
	t->asked_to_quit = true;
	top_say(t, "The command cannot run untraced: y ends it (SIGTERM); any other key closes "
		   "the view and traces on quietly until it ends");
}

/* The answer to quit's question. */
static void answer(struct top *t, enum top_key key)
{
	t->asked_to_quit = false;
	if (key == TOP_KEY_YES) {
		kill(engine_command_pid(t->s->engine), SIGTERM);
		top_say(t, "ending the command...");
		return;
	}
	t->quiet = true;
	top_screen_close();
	t->screen_open = false;
	engine_watch_input(t->s->engine, -1);
	fprintf(stderr, "epolltrace: the view is closed; tracing goes on quietly until the command "
		"ends (Ctrl-C ends it)\n");
}

void top_keys_act(struct top *t, enum top_key key)
{
	struct top_view *v = &t->view;
	if (key == TOP_KEY_NONE)
		return;
	sb_reset(&t->message);
	if (t->asked_to_quit) {
		answer(t, key);
		return;
	}
	switch (key) {
	case TOP_KEY_UP: move_by(t, -1); break;
	case TOP_KEY_DOWN: move_by(t, 1); break;
	case TOP_KEY_ENTER: open_selected(t); break;
	case TOP_KEY_BACK: v->mode = TOP_INSTANCES; break;
	case TOP_KEY_TAB:
		v->diags_focused = !v->diags_focused && v->ndiags;
		break;
	case TOP_KEY_SORT:
		v->sort_column = (v->sort_column + 1) % top_ninstance_columns;
		top_sort_instances(v->rows, v->nrows, v->sort_column);
		for (size_t i = 0; i < v->nrows; i++)
			if (v->rows[i].pid == t->sel_pid && v->rows[i].epfd == t->sel_epfd)
				v->row = i;
		top_say(t, "sorted by %s", top_instance_columns[v->sort_column].title);
		break;
	case TOP_KEY_PAUSE:
		v->paused = !v->paused;
		break;
	case TOP_KEY_DUMP: dump_to_file(t); break;
	case TOP_KEY_FREEZE: freeze(t); break;
	case TOP_KEY_QUIT: quit(t); break;
	case TOP_KEY_REDRAW: top_screen_redraw_all(); break;
	default: break;
	}
}
