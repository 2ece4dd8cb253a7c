/*
 * Why the kernel refuses eBPF tracing to a user who holds the
 * capabilities it asks for (root, or CAP_BPF and CAP_PERFMON): read from
 * the machine's settings under root ("" for this machine; a test's tree
 * of proc/ and sys/ files otherwise).  Each answer is the "why" of a
 * line that goes on to say what to do.
 */
#ifndef EPOLLTRACE_TRACE_BPF_REFUSAL_H
#define EPOLLTRACE_TRACE_BPF_REFUSAL_H

#include <stdbool.h>

/* A setting that forbids it before anything is tried, or NULL. */
const char *bpf_forbidden(const char *root);

/*
 * The likeliest reason once the kernel answered EPERM or EACCES to
 * loading or attaching, never NULL; verifier_rejected: the kernel's
 * verifier read the program and said no.
 */
const char *bpf_refusal(const char *root, bool verifier_rejected);

#endif
