/* Built without clang's BPF target, bpftool or libbpf: --backend=bpf is refused. */
#include <errno.h>

#include "trace/ebpf_backend.h"

const char *engine_bpf_unavailable(void)
{
	return "this epolltrace was built without it (configure found no clang BPF target, "
	       "bpftool or libbpf)";
}

const char *engine_bpf_refused(int err)
{
	(void) err;
	return NULL;
}

struct ebpf *ebpf_open(const struct engine_config *cfg, int *err)
{
	(void) cfg;
	*err = ENOSYS;
	return NULL;
}

void ebpf_close(struct ebpf *b)
{
	(void) b;
}

int ebpf_attach(struct engine *e, pid_t pid, size_t *nthreads, int *err)
{
	(void) e; (void) pid; (void) nthreads;
	*err = ENOSYS;
	return -1;
}

enum engine_start_result ebpf_start(struct engine *e, const char *path, char *const argv[],
				    int *err)
{
	(void) e; (void) path; (void) argv;
	*err = ENOSYS;
	return START_TRACE_FAILED;
}

int ebpf_run(struct engine *e)
{
	(void) e;
	return -1;
}
