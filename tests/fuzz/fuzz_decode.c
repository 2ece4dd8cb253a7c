/*
 * libFuzzer target: every decoder, as text and as JSON, fed arbitrary
 * arguments, results and tracee memory.  The input is a header (ABI,
 * syscall, options, six registers, the result) and then the bytes of the
 * tracee's memory, mapped at MEM_BASE; every other address is unreadable.
 */
#include <stdint.h>
#include <string.h>

#include "decode/decoder.h"
#include "emit/emit_json.h"
#include "emit/emit_text.h"

#define MEM_BASE 0x10000
#define HEADER_SIZE (4 + 6 * 8 + 8)

struct fuzz_mem {
	const uint8_t *bytes;
	size_t len;
};

static bool read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	const struct fuzz_mem *m = ctx;
	if (addr < MEM_BASE || addr - MEM_BASE > m->len || len > m->len - (addr - MEM_BASE))
		return false;
	memcpy(buf, m->bytes + (addr - MEM_BASE), len);
	return true;
}

/* -y: odd fds are open, with a name that needs escaping. */
static bool name_fd(void *ctx, int fd, struct strbuf *out)
{
	(void) ctx;
	if (!(fd & 1))
		return false;
	sb_puts(out, "/tmp/x>\\\x9b\n");
	return true;
}

static int data_fd(void *ctx, int epfd, uint64_t data)
{
	(void) ctx;
	(void) epfd;
	return data < 64 ? (int) data : -1;
}

static const struct fd_names fuzz_fd_names = { name_fd, data_fd, NULL };

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* As output/call_text.c and call_json.c drive a decoder, entry to result. */
static void decode_with(struct emitter *em, const struct syscall_call *call, bool json)
{
	if (json)
		emit_args_begin(em);
	call->desc->entry(em, call);
	if (call->desc->exit)
		call->desc->exit(em, call);
	if (json)
		emit_args_end(em);
	emit_retval(em, call);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < HEADER_SIZE)
		return 0;
	struct fuzz_mem mem = { data + HEADER_SIZE, size - HEADER_SIZE };
	struct decode_opts opts = { .max_elems = data[2], .verbose = data[3] & 1 };
	struct syscall_call call = {
		.abi = data[0] & 1 ? &abi_i386 : &abi_x86_64,
		.desc = syscall_descs[data[1] % nsyscall_descs],
		.mem = { read_mem, &mem },
		.opts = &opts,
		.fd_names = data[3] & 2 ? &fuzz_fd_names : NULL,
	};
	uint64_t regs[6];
	for (int i = 0; i < 6; i++)
		regs[i] = get64(data + 4 + 8 * i);
	syscall_args_load(call.args, call.desc, call.abi, regs);
	call.rval = (int64_t) get64(data + 4 + 6 * 8);
	/* Errors are -4095..-1, as the kernel returns them. */
	call.is_error = call.rval < 0 && call.rval >= -4095;

	static struct strbuf text = STRBUF_INIT, json = STRBUF_INIT;
	static struct emit_names names;
	struct emitter em;
	sb_reset(&text);
	emitter_text_init(&em, &text);
	decode_with(&em, &call, false);
	sb_reset(&json);
	emit_names_reset(&names);
	emitter_json_init(&em, &json, &names);
	decode_with(&em, &call, true);
	emit_json_fd_names(&em);
	return 0;
}
