#include <stdbool.h>
#include <stdlib.h>

#include "cli/epoll_holders.h"
#include "fdname/fd_kind.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_status.h"
#include "procfs/proc_tree.h"
#include "util/escape.h"

/* A server may have hundreds of workers: the line names this many. */
#define NAMED_MAX 8

static bool has_epoll(pid_t pid)
{
	struct proc_fds fds = { 0 };
	bool found = false;
	if (proc_fds_read(pid, &fds))
		for (size_t i = 0; i < fds.n && !found; i++)
			found = fd_link_is_epoll(fds.v[i].link);
	proc_fds_free(&fds);
	return found;
}

static void name_process(struct strbuf *out, pid_t pid)
{
	char comm[64];
	proc_comm_read(pid, comm, sizeof(comm));
	sb_printf(out, "%d (", (int) pid);
	print_escaped(out, comm);
	sb_putc(out, ')');
}

void epoll_holders_note(struct printer *p, pid_t pid)
{
	if (has_epoll(pid))
		return;
	pid_t *descendants;
	size_t n = proc_descendants(pid, &descendants), holders = 0;
	struct strbuf named = STRBUF_INIT, pids = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (!has_epoll(descendants[i]))
			continue;
		if (holders < NAMED_MAX) {
			if (holders)
				sb_puts(&named, ", ");
			name_process(&named, descendants[i]);
		}
		sb_printf(&pids, "%s%d", holders ? "," : "", (int) descendants[i]);
		holders++;
	}
	if (holders > NAMED_MAX)
		sb_printf(&named, " and %zu more", holders - NAMED_MAX);
	if (holders)
		printer_notice(p, "pid %d has no epoll instance; its descendants with one: %s; "
			       "trace them with -p %s, or add --children",
			       (int) pid, sb_str(&named), sb_str(&pids));
	else if (n)
		printer_notice(p, "pid %d has no epoll instance, nor has any of its %zu descendants",
			       (int) pid, n);
	else
		printer_notice(p, "pid %d has no epoll instance, and no child process", (int) pid);
	sb_free(&named);
	sb_free(&pids);
	free(descendants);
}
