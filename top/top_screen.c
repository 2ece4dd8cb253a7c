#include <curses.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "top/top_columns.h"
#include "top/top_screen.h"

const bool top_screen_built = true;

/* The colour pairs, when colour is wanted. */
enum { PAIR_HEADER = 1, PAIR_TITLES, PAIR_WARNING };

static SCREEN *screen;
static bool coloured;
static int saved_stderr = -1;

static const char help[] =
	"Enter: open  Tab: warnings  s: sort  p: pause  d: dump  g: freeze for gdb  q: quit";

bool top_screen_open(bool colour)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return false;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	/* Escape alone goes back: do not wait a second for a sequence it may begin. */
	set_escdelay(25);
	curs_set(0);
	coloured = colour && has_colors() && start_color() == OK;
	if (coloured) {
		use_default_colors();
		init_pair(PAIR_HEADER, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_TITLES, COLOR_BLACK, COLOR_GREEN);
		init_pair(PAIR_WARNING, COLOR_RED, -1);
	}
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
	if (null >= 0 && saved_stderr >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	return true;
}

void top_screen_close(void)
{
	if (!screen)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
		saved_stderr = -1;
	}
}

/* Attributes for a kind of line: colour when wanted, else what any terminal shows. */
static attr_t header_attr(void)
{
	return coloured ? COLOR_PAIR(PAIR_HEADER) : A_REVERSE;
}

static attr_t titles_attr(void)
{
	return coloured ? COLOR_PAIR(PAIR_TITLES) : A_BOLD | A_UNDERLINE;
}

static attr_t warning_attr(void)
{
	return coloured ? COLOR_PAIR(PAIR_WARNING) : A_BOLD;
}

/* One line of the screen, cut at its width; attr over the whole width when full. */
static void line_at(int y, const char *text, attr_t attr, bool full)
{
	if (y < 0 || y >= LINES)
		return;
	move(y, 0);
	attrset(attr);
	addnstr(text, COLS);
	if (full)
		for (int x = getcurx(stdscr); x < COLS && getcury(stdscr) == y; x++)
			addch(' ');
	attrset(A_NORMAL);
}

static void text_at(int y, struct strbuf *text, attr_t attr, bool full)
{
	line_at(y, sb_str(text), attr, full);
	sb_reset(text);
}

/* The first of n items to show in room lines, so that selected is among them. */
static size_t first_shown(size_t selected, size_t room)
{
	return room && selected >= room ? selected - room + 1 : 0;
}

static void draw_instances(const struct top_view *v, struct strbuf *text)
{
	int room = LINES - 3;
	int diag_room = v->ndiags ? room / 3 + 1 : 0;
	if (diag_room > (int) v->ndiags + 1)
		diag_room = (int) v->ndiags + 1;
	int row_room = room - 1 - diag_room;
	size_t ncolumns = top_columns_fitting(COLS);
	top_instance_titles(text, ncolumns, v->sort_column);
	text_at(2, text, titles_attr(), true);
	size_t first = first_shown(v->row, row_room > 0 ? (size_t) row_room : 0);
	for (int i = 0; i < row_room && first + (size_t) i < v->nrows; i++) {
		size_t r = first + (size_t) i;
		top_instance_line(text, &v->rows[r], ncolumns);
		attr_t attr = r == v->row && !v->diags_focused ? A_REVERSE : A_NORMAL;
		if (v->rows[r].warnings && attr == A_NORMAL)
			attr = warning_attr();
		text_at(3 + i, text, attr, r == v->row);
	}
	if (!v->nrows)
		line_at(3, " (no epoll wait seen yet)", A_NORMAL, false);
	if (!diag_room)
		return;
	int y = LINES - diag_room;
	sb_printf(text, " diagnostics, newest first: %zu%s", v->ndiags,
		  v->diags_focused ? "" : " (Tab to select)");
	text_at(y, text, titles_attr(), true);
	first = first_shown(v->diag, (size_t) diag_room - 1);
	for (int i = 0; i < diag_room - 1 && first + (size_t) i < v->ndiags; i++) {
		size_t d = first + (size_t) i;
		sb_printf(text, " %7.1fs %s", v->diags[d].at, v->diags[d].summary);
		bool selected = v->diags_focused && d == v->diag;
		text_at(y + 1 + i, text, selected ? A_REVERSE : warning_attr(), selected);
	}
}

static void draw_fds(const struct top_view *v, struct strbuf *text)
{
	sb_printf(text, " pid %d epfd %d: %zu registered; %s (Esc: back)", (int) v->fds_pid,
		  v->fds_epfd, v->nfds, v->fds_check ? v->fds_check : "");
	text_at(2, text, A_BOLD, false);
	top_fd_titles(text);
	text_at(3, text, titles_attr(), true);
	for (int y = 4; y < LINES && v->fd_row + (size_t) (y - 4) < v->nfds; y++) {
		const struct top_fd_row *r = &v->fds[v->fd_row + (size_t) (y - 4)];
		top_fd_line(text, r);
		text_at(y, text, r->state == REG_OPEN && !r->disarmed ? A_NORMAL : warning_attr(),
			false);
	}
}

/* Text with its lines wrapped between words at the width, from line y on; returns the next free line. */
static int wrapped_at(int y, const char *text, attr_t attr)
{
	int width = COLS > 2 ? COLS - 2 : 1;
	while (*text && y < LINES) {
		int n = 0;
		while (text[n] && text[n] != '\n' && n < width)
			n++;
		int cut = n;
		if (text[n] && text[n] != '\n' && text[n] != ' ')
			while (cut > 0 && text[cut - 1] != ' ')
				cut--;
		if (cut == 0)
			cut = n;
		move(y++, 1);
		attrset(attr);
		addnstr(text, cut);
		attrset(A_NORMAL);
		text += cut;
		while (*text == ' ')
			text++;
		if (*text == '\n')
			text++;
	}
	return y;
}

static void draw_diag(const struct top_view *v)
{
	if (v->diag >= v->ndiags)
		return;
	const struct top_diag *d = &v->diags[v->diag];
	int y = wrapped_at(2, d->summary, warning_attr() | A_BOLD);
	y = wrapped_at(y + 1, d->text, A_NORMAL);
	if (d->stack) {
		y = wrapped_at(y + 1, "The stack of the call that showed it:", A_BOLD);
		wrapped_at(y, d->stack, A_NORMAL);
	}
}

void top_screen_draw(const struct top_view *v)
{
	if (!screen)
		return;
	erase();
	struct strbuf text = STRBUF_INIT;
	top_header_line(&text, v);
	text_at(0, &text, header_attr(), true);
	line_at(1, v->message ? v->message : help, v->message ? A_BOLD : A_DIM, false);
	switch (v->mode) {
	case TOP_INSTANCES:
		draw_instances(v, &text);
		break;
	case TOP_FDS:
		draw_fds(v, &text);
		break;
	case TOP_DIAG:
		draw_diag(v);
		break;
	}
	sb_free(&text);
	refresh();
}

enum top_key top_screen_key(void)
{
	if (!screen)
		return TOP_KEY_NONE;
	int c = getch();
	switch (c) {
	case ERR: return TOP_KEY_NONE;
	case KEY_UP: case 'k': return TOP_KEY_UP;
	case KEY_DOWN: case 'j': return TOP_KEY_DOWN;
	case '\n': case '\r': case KEY_ENTER: case KEY_RIGHT: return TOP_KEY_ENTER;
	case 27: case KEY_BACKSPACE: case 127: case 8: case KEY_LEFT: return TOP_KEY_BACK;
	case '\t': return TOP_KEY_TAB;
	case 's': return TOP_KEY_SORT;
	case 'p': return TOP_KEY_PAUSE;
	case 'd': return TOP_KEY_DUMP;
	case 'g': return TOP_KEY_FREEZE;
	case 'q': return TOP_KEY_QUIT;
	case 'y': case 'Y': return TOP_KEY_YES;
	case 12: case KEY_RESIZE: return TOP_KEY_REDRAW;
	default: return TOP_KEY_OTHER;
	}
}

void top_screen_resized(void)
{
	struct winsize ws;
	if (screen && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
		resizeterm(ws.ws_row, ws.ws_col);
}

void top_screen_redraw_all(void)
{
	if (screen)
		clearok(curscr, TRUE);
}
