/* The eBPF backend's state, shared by its files in trace/. */
#ifndef EPOLLTRACE_TRACE_EBPF_INTERNAL_H
#define EPOLLTRACE_TRACE_EBPF_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "trace/ebpf_record.h"
#include "util/u64_map.h"

struct bpf_link;
struct bpf_program;
struct ebpf_calls;
struct ring_buffer;

/* How often the reader looks at the ring when no batch has woken it. */
#define EBPF_POLL_MS 10

struct ebpf {
	struct ebpf_calls *skel;
	/* The i386 calls' programs, once an i386 program is traced: its maps are skel's. */
	struct ebpf_calls *compat_skel;
	struct ring_buffer *ring;
	int tgids_fd, lost_fd;
	int ncpus;
	/* The attached programs: closed, they detach. */
	struct bpf_link *links[40];
	int nlinks;
	/* The raw tracepoints that see i386 calls are attached, or failed to. */
	bool compat;
	/* The records lost so far, as last told, by enum ebpf_lost. */
	uint64_t lost_told[EBPF_NLOST];
	/* tgid -> its records lost, as the last of its records said. */
	struct u64_map losses_seen;
	/* Records were handled since the last idle hook. */
	bool busy;
};

/*
 * Attaches the raw tracepoints of i386 calls the first time a program
 * at path is an i386 one (/proc/PID/exe of a traced process).
 */
void ebpf_follow_abi_of(struct ebpf *b, const char *path);

#endif
