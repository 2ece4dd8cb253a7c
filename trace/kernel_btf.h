/*
 * Where the running kernel keeps a field of one of its structures, read
 * from its BTF (/sys/kernel/btf/vmlinux) in one pass over the types: the
 * eBPF program is given the few offsets it needs before it is loaded, so
 * that libbpf need not read and index the whole of the kernel's BTF for
 * CO-RE (about 15 ms of CPU at every start, measured on 6.18).
 */
#ifndef EPOLLTRACE_TRACE_KERNEL_BTF_H
#define EPOLLTRACE_TRACE_KERNEL_BTF_H

#include <stddef.h>

struct kernel_field {
	const char *type;	/* a struct's name */
	const char *member;
	size_t offset;		/* set: the member's byte offset in the struct */
};

/* Sets every field's offset: 0, or -errno (ENOENT: a field is missing; EPROTO: unreadable BTF). */
int kernel_btf_offsets(struct kernel_field *fields, size_t n);

#endif
