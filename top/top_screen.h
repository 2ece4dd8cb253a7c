/*
 * --top's full-screen view, drawn with ncurses: one frame at a time, and
 * the keys read between them.  Without ncurses at build time the screen
 * cannot open and --top works only with --batch.
 */
#ifndef EPOLLTRACE_TOP_TOP_SCREEN_H
#define EPOLLTRACE_TOP_TOP_SCREEN_H

#include <stdbool.h>

#include "top/top_view.h"

/* Whether this epolltrace was built with a screen. */
extern const bool top_screen_built;

/*
 * Takes over the terminal on stdin and stdout (and sends our stderr to
 * /dev/null meanwhile, so that no message scribbles on the view); false
 * when it cannot.
 */
bool top_screen_open(bool colour);
/* Gives the terminal back as it was. */
void top_screen_close(void);
void top_screen_draw(const struct top_view *v);
/* The next key typed, or TOP_KEY_NONE once none is waiting. */
enum top_key top_screen_key(void);
/* The terminal changed size (SIGWINCH): the next frame fills it. */
void top_screen_resized(void);
/* The next frame is drawn whole: something else wrote on the terminal. */
void top_screen_redraw_all(void);

#endif
