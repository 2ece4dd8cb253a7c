/*
 * The eBPF backend behind engine.h: the same hooks, fed from the records
 * of ebpf_calls.bpf.c instead of ptrace stops.  Nothing outside trace/
 * includes it.
 */
#ifndef EPOLLTRACE_TRACE_EBPF_BACKEND_H
#define EPOLLTRACE_TRACE_EBPF_BACKEND_H

#include "trace/engine_internal.h"

struct ebpf_record;

/* Loads and attaches the program; NULL with *err set when it cannot. */
struct ebpf *ebpf_open(const struct engine_config *cfg, int *err);
void ebpf_close(struct ebpf *b);
int ebpf_attach(struct engine *e, pid_t pid, size_t *nthreads, int *err);
enum engine_start_result ebpf_start(struct engine *e, const char *path, char *const argv[],
				    int *err);
int ebpf_run(struct engine *e);

/* Reads what the record copied; memory it did not copy is read now, from the task. */
bool ebpf_read_copied(const struct ebpf_record *r, pid_t tid, uint64_t addr, void *buf,
		      size_t len);

#endif
