#include <string.h>

#include "emit/emit_json.h"
#include "emit/emit_text.h"
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

/* As the session does: one emitter from the entry on, so the exit's arguments follow on. */
static bool append_entry(struct emitter *em, const struct syscall_call *call)
{
	return call->desc->entry(em, call);
}

static void append_exit(struct emitter *em, const struct syscall_call *call)
{
	if (call->desc->exit)
		call->desc->exit(em, call);
}

const char *render(const struct syscall_call *call)
{
	struct emitter em;
	sb_reset(&rendered);
	sb_printf(&rendered, "%s(", call->desc->name);
	emitter_text_init(&em, &rendered);
	append_entry(&em, call);
	append_exit(&em, call);
	sb_puts(&rendered, ") ");
	emit_retval(&em, call);
	return sb_str(&rendered);
}

const char *render_json(const struct syscall_call *call)
{
	struct emitter em;
	struct emit_names names = { .text = STRBUF_INIT };
	sb_reset(&rendered);
	emitter_json_init(&em, &rendered, &names);
	emit_struct_begin(&em);
	emit_field(&em, "args");
	emit_args_begin(&em);
	append_entry(&em, call);
	append_exit(&em, call);
	emit_args_end(&em);
	emit_retval(&em, call);
	emit_json_fd_names(&em);
	emit_struct_end(&em);
	emit_names_free(&names);
	return sb_str(&rendered);
}

const char *render_entry(const struct syscall_call *call)
{
	struct emitter em;
	sb_reset(&rendered);
	emitter_text_init(&em, &rendered);
	append_entry(&em, call);
	return sb_str(&rendered);
}

bool entry_is_complete(const struct syscall_call *call)
{
	struct strbuf scratch = STRBUF_INIT;
	struct emitter em;
	emitter_text_init(&em, &scratch);
	bool complete = append_entry(&em, call);
	sb_free(&scratch);
	return complete;
}

/* The exit's text alone, after an entry written elsewhere. */
const char *render_exit(const struct syscall_call *call)
{
	struct strbuf scratch = STRBUF_INIT;
	struct emitter em;
	emitter_text_init(&em, &scratch);
	append_entry(&em, call);
	sb_reset(&rendered);
	em.out = &rendered;
	append_exit(&em, call);
	sb_free(&scratch);
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

static bool fake_fd_name(void *ctx, int fd, struct strbuf *out)
{
	(void) ctx;
	if (fd == 4)
		sb_puts(out, "anon_inode:[eventpoll]");
	else if (fd == 5)
		sb_puts(out, "pipe:[77]");
	else
		return false;
	return true;
}

static int fake_data_fd(void *ctx, int epfd, uint64_t data)
{
	(void) ctx;
	return epfd == 4 && data == 5 ? 5 : -1;
}

const struct fd_names fake_fd_names = { .name = fake_fd_name, .data_fd = fake_data_fd };
