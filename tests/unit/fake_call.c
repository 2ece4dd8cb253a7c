#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit/emit_json.h"
#include "output/call_json.h"
#include "output/call_text.h"
#include "tests/unit/fake_call.h"

struct decode_opts fake_opts = { .max_elems = 32, .verbose = false };

void fake_mem_add(struct fake_mem *mem, uint64_t addr, const void *bytes, size_t len)
{
	if (mem->n < FAKE_REGIONS_MAX)
		mem->regions[mem->n++] = (struct fake_region) { addr, bytes, len };
}

static bool fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	const struct fake_mem *mem = ctx;
	for (size_t i = 0; i < mem->n; i++) {
		const struct fake_region *r = &mem->regions[i];
		if (addr >= r->addr && len <= r->len && addr - r->addr <= r->len - len) {
			memcpy(buf, (const unsigned char *) r->bytes + (addr - r->addr), len);
			return true;
		}
	}
	return false;
}

struct syscall_call fake_call(const struct abi *abi, const char *name,
			      struct fake_mem *mem)
{
	return (struct syscall_call) {
		.abi = abi,
		.desc = syscall_desc_by_name(name),
		.mem = { .read = fake_read, .ctx = mem },
		.opts = &fake_opts,
	};
}

void fake_return(struct syscall_call *call, int64_t rval)
{
	call->rval = rval;
	call->is_error = rval < 0;
}

static struct strbuf rendered = STRBUF_INIT;

/*
 * The session's own writers of a call's line (output/call_text.c,
 * output/call_json.c), writing into memory through a printer that has no
 * alignment column, as strace -a0 prints.
 */
struct rendering {
	struct trace_output out;
	FILE *file;
	char *text;
	size_t len;
	struct call_line line;
	struct task_ref task;
};

static void open_rendering(struct rendering *r, const struct syscall_call *call)
{
	*r = (struct rendering) { .line = { .call = call } };
	r->file = open_memstream(&r->text, &r->len);
	if (!r->file)
		abort();
	printer_init(&r->out.printer, r->file, PREFIX_BRACKETED, 0);
	r->task = (struct task_ref) { .owner = r, .pid = 1, .tid = 1 };
}

/* The lines written, without the last newline. */
static const char *close_rendering(struct rendering *r)
{
	printer_free(&r->out.printer);
	fclose(r->file);
	sb_reset(&rendered);
	size_t len = r->len && r->text[r->len - 1] == '\n' ? r->len - 1 : r->len;
	sb_printf(&rendered, "%.*s", (int) len, r->text);
	free(r->text);
	sb_free(&r->line.pending);
	emit_names_free(&r->line.names);
	return sb_str(&rendered);
}

const char *render(const struct syscall_call *call)
{
	struct rendering r;
	open_rendering(&r, call);
	call_text_begin(&r.out, &r.task, &r.line);
	call_text_end(&r.out, &r.task, &r.line, 0);
	return close_rendering(&r);
}

const char *render_cut(const struct syscall_call *call)
{
	struct rendering r;
	open_rendering(&r, call);
	call_text_begin(&r.out, &r.task, &r.line);
	/* As another task's line does. */
	printer_cut(&r.out.printer);
	call_text_end(&r.out, &r.task, &r.line, 0);
	return close_rendering(&r);
}

const char *render_abandoned(const struct syscall_call *call)
{
	struct rendering r;
	open_rendering(&r, call);
	call_text_begin(&r.out, &r.task, &r.line);
	call_text_cut(&r.out, &r.task, &r.line, CALL_TASK_EXITED, 0);
	return close_rendering(&r);
}

/* Skips what prefix says, "#" standing for a number; NULL when s does not match. */
static const char *skip(const char *s, const char *prefix)
{
	for (; *prefix; prefix++) {
		if (*prefix != '#') {
			if (*s++ != *prefix)
				return NULL;
			continue;
		}
		if (!isdigit((unsigned char) *s))
			return NULL;
		while (isdigit((unsigned char) *s) || *s == '.')
			s++;
	}
	return s;
}

const char *render_json(const struct syscall_call *call)
{
	struct rendering r;
	open_rendering(&r, call);
	call_json_begin(&r.out, &r.task, &r.line);
	call_json_end(&r.out, &r.task, &r.line, 0);
	const char *line = close_rendering(&r);
	/* The fields that are the same in every test, and the wall clock's time, go. */
	struct strbuf head = STRBUF_INIT;
	sb_printf(&head, "{\"type\":\"syscall\",\"pid\":1,\"tid\":1,\"time\":#,\"syscall\":\"%s\",",
		  call->desc->name);
	const char *rest = skip(line, sb_str(&head));
	sb_free(&head);
	const char *duration = rest ? strstr(rest, ",\"duration\":0.000000") : NULL;
	if (!duration)
		return line;
	struct strbuf shown = STRBUF_INIT;
	sb_putc(&shown, '{');
	sb_printf(&shown, "%.*s", (int) (duration - rest), rest);
	sb_puts(&shown, duration + strlen(",\"duration\":0.000000"));
	sb_reset(&rendered);
	sb_puts(&rendered, sb_str(&shown));
	sb_free(&shown);
	return sb_str(&rendered);
}

void put_event(const struct abi *abi, unsigned char *array, size_t idx,
	       uint32_t events, uint64_t data)
{
	unsigned char *ev = array + idx * abi->epoll_event_size;
	memset(ev, 0, abi->epoll_event_size);
	memcpy(ev, &events, sizeof(events));
	memcpy(ev + abi->epoll_data_offset, &data, sizeof(data));
}

static enum fd_name_found fake_fd_name(void *ctx, int fd, struct strbuf *out)
{
	(void) ctx;
	if (fd == 4)
		sb_puts(out, "anon_inode:[eventpoll]");
	else if (fd == 5)
		sb_puts(out, "pipe:[77]");
	else
		return FD_NOT_OPEN;
	return FD_NAMED;
}

static int fake_data_fd(void *ctx, int epfd, uint64_t data)
{
	(void) ctx;
	return epfd == 4 && data == 5 ? 5 : -1;
}

/* -y with --event-fds */
const struct fd_names fake_fd_names = { .name = fake_fd_name, .args = true, .data_fd = fake_data_fd };
