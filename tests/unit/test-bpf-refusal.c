/* Why the kernel refuses eBPF tracing to a capable user, read from a made-up tree of /proc and /sys files. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/unit/tap.h"
#include "trace/bpf_refusal.h"

#define INIT_NS "         0          0 4294967295\n"
#define CONTAINER "         0     100000      65536\n"
#define STATUS_FILTERED "Name:\tepolltrace\nSeccomp:\t2\nSeccomp_filters:\t1\n"
#define STATUS_FREE "Name:\tepolltrace\nSeccomp:\t0\nSeccomp_filters:\t0\n"

static const struct {
	const char *uid_map, *lockdown, *status;
	bool verifier;
	const char *forbidden, *refusal, *what;
} cases[] = {
	{ INIT_NS, "[none] integrity confidentiality\n", STATUS_FREE, false, NULL,
	  "the kernel refused it to a capable user: a security module (SELinux, AppArmor, a BPF LSM) forbids it",
	  "root of the machine, no lockdown, no filter: a security module is what is left" },
	{ CONTAINER, NULL, STATUS_FREE, false,
	  "epolltrace runs in a user namespace (a container), whose root the kernel does not let trace with eBPF",
	  "epolltrace runs in a user namespace (a container), whose root the kernel does not let trace with eBPF",
	  "root of a container's user namespace" },
	{ INIT_NS, "none integrity [confidentiality]\n", STATUS_FREE, false,
	  "the kernel is locked down (confidentiality, /sys/kernel/security/lockdown), which forbids eBPF tracing",
	  "the kernel is locked down (confidentiality, /sys/kernel/security/lockdown), which forbids eBPF tracing",
	  "lockdown in confidentiality mode" },
	{ INIT_NS, "none [integrity] confidentiality\n", STATUS_FREE, false, NULL,
	  "the kernel refused it to a capable user: a security module (SELinux, AppArmor, a BPF LSM) forbids it",
	  "lockdown in integrity mode leaves tracing alone" },
	{ INIT_NS, NULL, STATUS_FILTERED, false, NULL,
	  "a seccomp filter on epolltrace (a container's or a service's) forbids bpf()",
	  "a seccomp filter, as Docker's" },
	{ INIT_NS, NULL, STATUS_FILTERED, true, NULL,
	  "the kernel's verifier rejected it (EPOLLTRACE_BPF_DEBUG=1 prints why; please report that)",
	  "the verifier's log was printed: it said no, whatever else holds" },
	{ NULL, NULL, NULL, false, NULL,
	  "the kernel refused it to a capable user: a security module (SELinux, AppArmor, a BPF LSM) forbids it",
	  "nothing readable: no reason is made up" },
};

static void put(const char *root, const char *path, const char *text)
{
	char name[512];
	snprintf(name, sizeof(name), "%s/%s", root, path);
	if (!text) {
		unlink(name);
		return;
	}
	FILE *f = fopen(name, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(name);
		exit(99);
	}
}

int main(void)
{
	char root[] = "/tmp/epolltrace-refusal.XXXXXX";
	if (!mkdtemp(root))
		return 99;
	const char *dirs[] = { "proc", "proc/self", "sys", "sys/kernel", "sys/kernel/security" };
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		char name[512];
		snprintf(name, sizeof(name), "%s/%s", root, dirs[i]);
		if (mkdir(name, 0700) < 0)
			return 99;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		put(root, "proc/self/uid_map", cases[i].uid_map);
		put(root, "sys/kernel/security/lockdown", cases[i].lockdown);
		put(root, "proc/self/status", cases[i].status);
		const char *forbidden = bpf_forbidden(root);
		tap_is(forbidden ? forbidden : "(none)", cases[i].forbidden ? cases[i].forbidden : "(none)",
		       "before loading: %s", cases[i].what);
		tap_is(bpf_refusal(root, cases[i].verifier), cases[i].refusal,
		       "after EPERM: %s", cases[i].what);
	}
	put(root, "proc/self/uid_map", NULL);
	put(root, "sys/kernel/security/lockdown", NULL);
	put(root, "proc/self/status", NULL);
	for (size_t i = sizeof(dirs) / sizeof(dirs[0]); i-- > 0;) {
		char name[512];
		snprintf(name, sizeof(name), "%s/%s", root, dirs[i]);
		rmdir(name);
	}
	rmdir(root);
	return tap_done();
}
