#include <string.h>

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

static bool append_entry(struct strbuf *sb, const struct syscall_call *call)
{
	return call->desc->entry(sb, call);
}

static void append_exit(struct strbuf *sb, const struct syscall_call *call)
{
	if (call->desc->exit)
		call->desc->exit(sb, call);
}

static struct strbuf rendered = STRBUF_INIT;

const char *render(const struct syscall_call *call)
{
	sb_reset(&rendered);
	sb_printf(&rendered, "%s(", call->desc->name);
	append_entry(&rendered, call);
	append_exit(&rendered, call);
	sb_puts(&rendered, ") ");
	decode_retval(&rendered, call);
	return sb_str(&rendered);
}

const char *render_entry(const struct syscall_call *call)
{
	sb_reset(&rendered);
	append_entry(&rendered, call);
	return sb_str(&rendered);
}

bool entry_is_complete(const struct syscall_call *call)
{
	struct strbuf scratch = STRBUF_INIT;
	bool complete = append_entry(&scratch, call);
	sb_free(&scratch);
	return complete;
}

const char *render_exit(const struct syscall_call *call)
{
	sb_reset(&rendered);
	append_exit(&rendered, call);
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
