/* What forbids eBPF tracing to a capable user: a container, lockdown, a filter, the verifier. */
#include <stdio.h>
#include <string.h>

#include "trace/bpf_refusal.h"

/* Whether a line of root/path contains text; false when unreadable. */
static bool file_says(const char *root, const char *path, const char *text)
{
	char name[512], line[256];
	snprintf(name, sizeof(name), "%s/%s", root, path);
	FILE *f = fopen(name, "r");
	if (!f)
		return false;
	bool says = false;
	while (!says && fgets(line, sizeof(line), f))
		says = strstr(line, text) != NULL;
	fclose(f);
	return says;
}

/*
 * The initial user namespace maps every uid to itself; in any other (a
 * container's), root's capabilities do not count for bpf() or perf
 * events, whatever kernel.unprivileged_bpf_disabled says.
 */
static bool in_user_namespace(const char *root)
{
	char name[512];
	snprintf(name, sizeof(name), "%s/proc/self/uid_map", root);
	FILE *f = fopen(name, "r");
	if (!f)
		return false;
	unsigned long inside, outside, count;
	bool init = fscanf(f, "%lu %lu %lu", &inside, &outside, &count) == 3 &&
		    inside == 0 && outside == 0 && count == 4294967295ul;
	fclose(f);
	return !init;
}

const char *bpf_forbidden(const char *root)
{
	if (in_user_namespace(root))
		return "epolltrace runs in a user namespace (a container), whose root the kernel"
		       " does not let trace with eBPF";
	/* Integrity mode leaves tracing alone; confidentiality forbids reading the kernel's memory. */
	if (file_says(root, "sys/kernel/security/lockdown", "[confidentiality]"))
		return "the kernel is locked down (confidentiality, /sys/kernel/security/lockdown),"
		       " which forbids eBPF tracing";
	return NULL;
}

const char *bpf_refusal(const char *root, bool verifier_rejected)
{
	if (verifier_rejected)
		return "the kernel's verifier rejected it (EPOLLTRACE_BPF_DEBUG=1 prints why;"
		       " please report that)";
	const char *forbidden = bpf_forbidden(root);
	if (forbidden)
		return forbidden;
	/* Docker's default profile, and systemd's SystemCallFilter=, answer bpf() with EPERM. */
	if (file_says(root, "proc/self/status", "Seccomp:\t2"))
		return "a seccomp filter on epolltrace (a container's or a service's) forbids bpf()";
	return "the kernel refused it to a capable user: a security module (SELinux, AppArmor,"
	       " a BPF LSM) forbids it";
}
