#include <linux/seccomp.h>
#include <string.h>

#include "tests/unit/bpf_run.h"

/* The instructions trace/bpf_writer.c writes, and nothing else. */
uint32_t bpf_run(const struct bpf_program *p, uint32_t audit_arch, uint32_t nr,
		 const uint64_t args[6])
{
	struct seccomp_data data = { .nr = (int) nr, .arch = audit_arch };
	memcpy(data.args, args, sizeof(data.args));
	uint32_t a = 0;
	for (size_t pc = 0; pc < p->len; pc++) {
		const struct sock_filter *i = &p->insns[pc];
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (i->k > sizeof(data) - 4)
				return BPF_RUN_BAD;
			memcpy(&a, (const char *) &data + i->k, 4);
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i->k ? i->jt : i->jf;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		default:
			return BPF_RUN_BAD;
		}
	}
	return BPF_RUN_BAD;
}

long bpf_nr_with(const struct bpf_program *p, uint32_t audit_arch, uint32_t action,
		 uint32_t limit)
{
	static const uint64_t no_args[6];
	for (uint32_t nr = 0; nr < limit; nr++)
		if (bpf_run(p, audit_arch, nr, no_args) == action)
			return nr;
	return -1;
}
