#include <errno.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>

#include "trace/bpf_writer.h"

/*
 * The program is written back to front: a BPF jump only goes forward, so
 * every jump's target is already written when the jump is, and its offset
 * is known.  A label is an instruction's index in this reversed order.
 */
struct writer {
	struct sock_filter *insns;
	size_t n, cap;
	int err;
};

/* Puts ins before everything written so far; returns its label. */
static size_t put(struct writer *w, struct sock_filter ins)
{
	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 64;
		struct sock_filter *grown = realloc(w->insns, cap * sizeof(*grown));
		if (!grown) {
			w->err = -ENOMEM;
			return w->n;
		}
		w->insns = grown;
		w->cap = cap;
	}
	w->insns[w->n] = ins;
	return w->n++;
}

/* The offset, from the instruction put next, to the one at label. */
static uint8_t to(struct writer *w, size_t label)
{
	size_t off = w->n - label - 1;
	if (off > 255 && !w->err)
		w->err = -E2BIG;
	return (uint8_t) off;
}

static size_t stmt(struct writer *w, uint16_t code, uint32_t k)
{
	return put(w, (struct sock_filter) BPF_STMT(code, k));
}

static size_t jump(struct writer *w, uint16_t op, uint32_t k, uint8_t jt, uint8_t jf)
{
	return put(w, (struct sock_filter) BPF_JUMP(BPF_JMP | op | BPF_K, k, jt, jf));
}

static size_t load(struct writer *w, uint32_t offset)
{
	return stmt(w, BPF_LD | BPF_W | BPF_ABS, offset);
}

/* The x86 ABIs are little-endian: an argument's low half comes first. */
static uint32_t arg_offset(unsigned int arg, bool high)
{
	return (uint32_t) (offsetof(struct seccomp_data, args) + 8 * arg + (high ? 4 : 0));
}

/* (half of the argument & mask) == value, else on to label otherwise. */
static size_t half_test(struct writer *w, const struct nr_check *c, bool high, size_t otherwise)
{
	uint32_t mask = (uint32_t) (high ? c->mask >> 32 : c->mask);
	uint32_t value = (uint32_t) (high ? c->value >> 32 : c->value);
	jump(w, BPF_JEQ, value, 0, to(w, otherwise));
	if (mask != UINT32_MAX)
		stmt(w, BPF_ALU | BPF_AND | BPF_K, mask);
	return load(w, arg_offset(c->arg, high));
}

/* The checks [first, end) of one number; returns the label of their start. */
static size_t nr_block(struct writer *w, const struct abi_checks *a, size_t first, size_t end)
{
	/* None after the first for every call can act. */
	for (size_t i = first; i < end; i++)
		if (!a->checks[i].match_arg)
			end = i + 1;
	size_t next = 0;
	if (a->checks[end - 1].match_arg)
		next = stmt(w, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	for (size_t i = end; i-- > first;) {
		const struct nr_check *c = &a->checks[i];
		size_t act = stmt(w, BPF_RET | BPF_K, c->action);
		if (!c->match_arg) {
			next = act;
			continue;
		}
		if (a->wide_args && (c->mask >> 32 || c->value >> 32))
			half_test(w, c, true, next);
		next = half_test(w, c, false, next);
	}
	return next;
}

struct nr_group {
	uint32_t nr;
	size_t label;
};

/* Finds the number among groups [lo, hi) and jumps to its checks. */
static size_t tree(struct writer *w, const struct nr_group *g, size_t lo, size_t hi)
{
	if (hi - lo <= 4) {
		size_t start = stmt(w, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		for (size_t i = hi; i-- > lo;)
			start = jump(w, BPF_JEQ, g[i].nr, to(w, g[i].label), 0);
		return start;
	}
	size_t mid = lo + (hi - lo) / 2;
	size_t upper = tree(w, g, mid, hi);
	tree(w, g, lo, mid);
	return jump(w, BPF_JGE, g[mid].nr, to(w, upper), 0);
}

static size_t abi_part(struct writer *w, const struct abi_checks *a)
{
	size_t allow = stmt(w, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	struct nr_group *g = malloc((a->nchecks + 1) * sizeof(*g));
	if (!g) {
		w->err = -ENOMEM;
		return allow;
	}
	size_t ngroups = 0;
	for (size_t end = a->nchecks; end > 0; ngroups++) {
		size_t first = end - 1;
		while (first > 0 && a->checks[first - 1].nr == a->checks[end - 1].nr)
			first--;
		g[ngroups] = (struct nr_group) { a->checks[first].nr, nr_block(w, a, first, end) };
		end = first;
	}
	/* Put last number first: back in ascending order for the tree. */
	for (size_t i = 0; i < ngroups / 2; i++) {
		struct nr_group t = g[i];
		g[i] = g[ngroups - 1 - i];
		g[ngroups - 1 - i] = t;
	}
	tree(w, g, 0, ngroups);
	free(g);
	if (a->foreign_nrs)
		jump(w, BPF_JGE, a->foreign_nrs, to(w, allow), 0);
	return load(w, offsetof(struct seccomp_data, nr));
}

int bpf_write_filter(const struct abi_checks *abis, size_t nabis, struct bpf_program *out)
{
	struct writer w = { .err = 0 };
	size_t *parts = malloc((nabis + 1) * sizeof(*parts));
	if (!parts)
		return -ENOMEM;
	for (size_t i = nabis; i-- > 0;)
		parts[i] = abi_part(&w, &abis[i]);
	stmt(&w, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	for (size_t i = nabis; i-- > 0;)
		jump(&w, BPF_JEQ, abis[i].audit_arch, to(&w, parts[i]), 0);
	load(&w, offsetof(struct seccomp_data, arch));
	free(parts);
	if (w.n > BPF_MAXINSNS && !w.err)
		w.err = -E2BIG;
	if (w.err) {
		free(w.insns);
		return w.err;
	}
	for (size_t i = 0; i < w.n / 2; i++) {
		struct sock_filter t = w.insns[i];
		w.insns[i] = w.insns[w.n - 1 - i];
		w.insns[w.n - 1 - i] = t;
	}
	*out = (struct bpf_program) { w.insns, w.n };
	return 0;
}
