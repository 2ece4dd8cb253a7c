#include "top/top_columns.h"
#include "top/top_text.h"

void top_text_frame(struct strbuf *out, const struct top_view *v, size_t new_diags)
{
	top_header_line(out, v);
	sb_putc(out, '\n');
	top_instance_titles(out, top_ninstance_columns, v->sort_column);
	sb_putc(out, '\n');
	for (size_t i = 0; i < v->nrows; i++) {
		top_instance_line(out, &v->rows[i], top_ninstance_columns);
		sb_putc(out, '\n');
	}
	/* Oldest first, as a log reads. */
	for (size_t i = new_diags; i-- > 0;)
		sb_printf(out, "%s\n", v->diags[i].summary);
	sb_putc(out, '\n');
}
