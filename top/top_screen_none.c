/* Built without ncurses: there is no screen, only --top --batch. */
#include "top/top_screen.h"

const bool top_screen_built = false;

bool top_screen_open(bool colour)
{
	(void) colour;
	return false;
}

void top_screen_close(void)
{
}

void top_screen_draw(const struct top_view *v)
{
	(void) v;
}

enum top_key top_screen_key(void)
{
	return TOP_KEY_NONE;
}

void top_screen_resized(void)
{
}

void top_screen_redraw_all(void)
{
}
