#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/interest_header.h"
#include "decode/epoll_event.h"
#include "model/epoll_fdinfo.h"
#include "model/fd_kind.h"
#include "model/fd_namer.h"
#include "model/proc_fds.h"
#include "model/reg_target.h"
#include "model/xalloc.h"

/* One registration and what its fd number names now. */
struct shown_reg {
	const struct epoll_reg *reg;
	enum reg_target target;
	const struct proc_fd *now;	/* NULL when closed */
	struct proc_fd probed;		/* owns now when it was not in the snapshot */
};

struct header_ctx {
	struct strbuf *out;
	pid_t pid;
	const struct proc_fds *fds;
	struct fd_namer namer;
};

/* The same fd number twice: the live registration first, then the ghost. */
static int by_tfd(const void *a, const void *b)
{
	const struct shown_reg *x = a, *y = b;
	if (x->reg->tfd != y->reg->tfd)
		return x->reg->tfd < y->reg->tfd ? -1 : 1;
	if (x->target != y->target)
		return x->target < y->target ? -1 : 1;
	return (x->reg->ino > y->reg->ino) - (x->reg->ino < y->reg->ino);
}

/* An fd opened after the snapshot is looked at now, not taken for closed. */
static void find_target(struct header_ctx *ctx, struct shown_reg *shown)
{
	int tfd = shown->reg->tfd;
	shown->now = proc_fds_find(ctx->fds, tfd);
	if (!shown->now && proc_fd_probe(ctx->pid, tfd, &shown->probed))
		shown->now = &shown->probed;
	shown->target = reg_target_check(shown->reg, shown->now);
}

static void print_prefix(struct header_ctx *ctx, int epfd)
{
	sb_printf(ctx->out, "epolltrace: pid %d epfd %d: ", (int) ctx->pid, epfd);
}

static void print_target(struct header_ctx *ctx, const struct shown_reg *shown)
{
	int tfd = shown->reg->tfd;
	switch (shown->target) {
	case REG_TARGET_SAME:
		fd_namer_describe(&ctx->namer, ctx->out, shown->now->link);
		break;
	case REG_TARGET_CLOSED:
		sb_printf(ctx->out, "ghost: fd %d is closed", tfd);
		break;
	case REG_TARGET_REPLACED:
		sb_printf(ctx->out, "ghost: fd %d now names ", tfd);
		fd_namer_describe(&ctx->namer, ctx->out, shown->now->link);
		break;
	}
}

static void print_reg(struct header_ctx *ctx, int epfd, const struct shown_reg *shown)
{
	const struct epoll_reg *reg = shown->reg;
	print_prefix(ctx, epfd);
	sb_printf(ctx->out, "fd %d <", reg->tfd);
	print_target(ctx, shown);
	sb_puts(ctx->out, "> events=");
	print_epoll_events(ctx->out, reg->events);
	if (epoll_reg_disarmed(reg))
		sb_puts(ctx->out, " (disarmed)");
	sb_puts(ctx->out, " data=");
	print_epoll_data(ctx->out, reg->data);
	sb_putc(ctx->out, '\n');
}

static void print_instance(struct header_ctx *ctx, const struct proc_fd *ep)
{
	struct epoll_fdinfo info = { 0 };
	/* Closed meanwhile, or the number reused by a file of another kind. */
	if (!epoll_fdinfo_read(ctx->pid, ep->fd, &info) ||
	    (info.has_ino && info.ino != ep->ino)) {
		epoll_fdinfo_free(&info);
		return;
	}
	if (!info.nregs) {
		print_prefix(ctx, ep->fd);
		sb_puts(ctx->out, "no registrations\n");
	}

	struct shown_reg *shown = xcalloc(info.nregs, sizeof(*shown));
	for (size_t i = 0; i < info.nregs; i++) {
		shown[i].reg = &info.regs[i];
		find_target(ctx, &shown[i]);
	}
	qsort(shown, info.nregs, sizeof(*shown), by_tfd);
	for (size_t i = 0; i < info.nregs; i++) {
		print_reg(ctx, ep->fd, &shown[i]);
		proc_fd_free(&shown[i].probed);
	}
	free(shown);
	epoll_fdinfo_free(&info);
}

void interest_header_print(struct strbuf *out, pid_t pid)
{
	struct proc_fds fds = { 0 };
	if (!proc_fds_read(pid, &fds)) {
		if (errno != ENOENT && errno != ESRCH)
			sb_printf(out, "epolltrace: pid %d: cannot read its epoll instances: %s\n",
				  (int) pid, strerror(errno));
		return;
	}
	struct header_ctx ctx = { .out = out, .pid = pid, .fds = &fds };
	fd_namer_init(&ctx.namer, pid);
	for (size_t i = 0; i < fds.n; i++)
		if (fd_link_is_epoll(fds.v[i].link))
			print_instance(&ctx, &fds.v[i]);
	fd_namer_free(&ctx.namer);
	proc_fds_free(&fds);
}
