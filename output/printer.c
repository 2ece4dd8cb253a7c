#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "output/printer.h"

void printer_init(struct printer *p, FILE *out, enum pid_prefix prefix, unsigned int acolumn)
{
	p->out = out;
	p->line_buffered = isatty(fileno(out));
	p->broken = false;
	p->name = NULL;
	p->prefix = prefix;
	p->acolumn = acolumn;
	p->owner = NULL;
	p->line = (struct strbuf) STRBUF_INIT;
	p->written = 0;
	p->timestamps = (struct timestamp_style) { 0 };
	p->mute = false;
}

void printer_redirect(struct printer *p, FILE *out, const char *name)
{
	printer_flush(p);
	p->out = out;
	p->line_buffered = isatty(fileno(out));
	p->name = name;
}

void printer_free(struct printer *p)
{
	printer_flush(p);
	sb_free(&p->line);
}

/*
 * Said once, when the trace is first lost; writing stops there, since
 * every later line would fail the same way (strace repeats it per line).
 */
static void break_output(struct printer *p)
{
	int err = errno;
	p->broken = true;
	if (p->out != stderr)
		fflush(stderr);
	fprintf(stderr, "epolltrace: cannot write the trace to %s%s%s: %s\n",
		p->name ? "'" : "", p->name ? p->name : "standard error", p->name ? "'" : "",
		strerror(err));
	fflush(stderr);
}

static void emit(struct printer *p)
{
	if (!p->broken && !p->mute && p->line.len > 0 &&
	    fwrite(p->line.s, 1, p->line.len, p->out) != p->line.len)
		break_output(p);
	p->written += p->line.len;
	sb_reset(&p->line);
}

static void emit_line_end(struct printer *p)
{
	emit(p);
	p->written = 0;
}

void printer_flush(struct printer *p)
{
	emit(p);
	if (!p->broken && fflush(p->out) == EOF)
		break_output(p);
}

void printer_cut(struct printer *p)
{
	if (!p->owner)
		return;
	sb_puts(&p->line, " <unfinished ...>\n");
	p->owner = NULL;
	emit_line_end(p);
}

void printer_start(struct printer *p, const void *owner, pid_t tid, bool several)
{
	printer_cut(p);
	p->owner = owner;
	if (p->prefix == PREFIX_PLAIN || (p->prefix == PREFIX_PLAIN_SEVERAL && several))
		sb_printf(&p->line, "%-5d ", (int) tid);
	else if (p->prefix == PREFIX_BRACKETED && several)
		sb_printf(&p->line, "[pid %5d] ", (int) tid);
	timestamp_print(&p->line, &p->timestamps);
}

bool printer_is_open_for(const struct printer *p, const void *owner)
{
	return p->owner == owner;
}

struct strbuf *printer_text(struct printer *p)
{
	return &p->line;
}

/* Padding up to this is held in the line; more is written at once. */
#define PAD_HELD 64

/* A huge -a then costs output, but no memory and few writes. */
static void write_spaces(struct printer *p, size_t n)
{
	/* As large as the output's buffer, so that stdio writes it straight through. */
	static char spaces[1 << 16];
	if (spaces[0] != ' ')
		memset(spaces, ' ', sizeof(spaces));
	p->written += n;
	while (n > 0 && !p->broken && !p->mute) {
		size_t piece = n < sizeof(spaces) ? n : sizeof(spaces);
		if (fwrite(spaces, 1, piece, p->out) != piece)
			break_output(p);
		n -= piece;
	}
}

void printer_tab(struct printer *p)
{
	size_t column = p->written + p->line.len;
	size_t pad = column < p->acolumn ? p->acolumn - column : 0;
	if (pad > PAD_HELD) {
		emit(p);
		write_spaces(p, pad);
		return;
	}
	while (pad-- > 0)
		sb_putc(&p->line, ' ');
}

void printer_end(struct printer *p)
{
	sb_putc(&p->line, '\n');
	p->owner = NULL;
	emit_line_end(p);
	if (p->line_buffered)
		printer_flush(p);
}

void printer_notice(struct printer *p, const char *fmt, ...)
{
	if (p->out == stderr)
		printer_cut(p);
	printer_flush(p);
	va_list ap;
	va_start(ap, fmt);
	fputs("epolltrace: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void printer_lines(struct printer *p, const char *text)
{
	printer_cut(p);
	sb_puts(&p->line, text);
	emit_line_end(p);
}

void printer_whole_line(struct printer *p, const char *line)
{
	printer_cut(p);
	sb_puts(&p->line, line);
	sb_putc(&p->line, '\n');
	emit_line_end(p);
	if (p->line_buffered)
		printer_flush(p);
}

void printer_unmuted(struct printer *p, void (*write)(struct printer *, const char *),
		     const char *text)
{
	bool muted = p->mute;
	p->mute = false;
	write(p, text);
	p->mute = muted;
}
