#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "fdname/fd_kind.h"
#include "fdname/fd_namer.h"
#include "model/reg_target.h"
#include "output/interest_header.h"
#include "procfs/epoll_fdinfo.h"
#include "procfs/proc_fds.h"
#include "util/xalloc.h"

/* One registration and what its fd number names now. */
struct shown_reg {
	const struct epoll_reg *reg;
	enum reg_target target;
	const struct proc_fd *now;	/* NULL when closed */
	struct proc_fd probed;		/* owns now when it was not in the snapshot */
};

struct header_ctx {
	interest_reg_fn each;
	void *each_ctx;
	pid_t pid;
	const struct proc_fds *fds;
	struct fd_namer namer;
	struct strbuf name;	/* the registration's target, being described */
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

static void print_target(struct header_ctx *ctx, const struct shown_reg *shown)
{
	int tfd = shown->reg->tfd;
	switch (shown->target) {
	case REG_TARGET_SAME:
		fd_namer_describe(&ctx->namer, &ctx->name, tfd, shown->now->link);
		break;
	case REG_TARGET_CLOSED:
		sb_printf(&ctx->name, "ghost: fd %d is closed", tfd);
		break;
	case REG_TARGET_REPLACED:
		sb_printf(&ctx->name, "ghost: fd %d now names ", tfd);
		fd_namer_describe(&ctx->namer, &ctx->name, tfd, shown->now->link);
		break;
	}
}

static void give_reg(struct header_ctx *ctx, int epfd, const struct shown_reg *shown)
{
	const struct epoll_reg *reg = shown->reg;
	sb_reset(&ctx->name);
	print_target(ctx, shown);
	struct model_dump_reg r = {
		.pid = ctx->pid,
		.epfd = epfd,
		.fd = reg->tfd,
		.name = sb_str(&ctx->name),
		.events = reg->events,
		.data = reg->data,
		.disarmed = epoll_reg_disarmed(reg),
	};
	ctx->each(ctx->each_ctx, &r);
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
	if (!info.nregs)
		ctx->each(ctx->each_ctx, &(struct model_dump_reg) { .pid = ctx->pid, .epfd = ep->fd,
								    .fd = -1 });

	struct shown_reg *shown = xcalloc(info.nregs, sizeof(*shown));
	for (size_t i = 0; i < info.nregs; i++) {
		shown[i].reg = &info.regs[i];
		find_target(ctx, &shown[i]);
	}
	qsort(shown, info.nregs, sizeof(*shown), by_tfd);
	for (size_t i = 0; i < info.nregs; i++) {
		give_reg(ctx, ep->fd, &shown[i]);
		proc_fd_free(&shown[i].probed);
	}
	free(shown);
	epoll_fdinfo_free(&info);
}

int interest_header_each(pid_t pid, interest_reg_fn each, void *each_ctx)
{
	struct proc_fds fds = { 0 };
	if (!proc_fds_read(pid, &fds))
		return errno == ENOENT || errno == ESRCH ? 0 : errno;
	struct header_ctx ctx = { .each = each, .each_ctx = each_ctx, .pid = pid, .fds = &fds,
				  .name = STRBUF_INIT };
	fd_namer_init(&ctx.namer, pid);
	for (size_t i = 0; i < fds.n; i++)
		if (fd_link_is_epoll(fds.v[i].link))
			print_instance(&ctx, &fds.v[i]);
	fd_namer_free(&ctx.namer);
	proc_fds_free(&fds);
	sb_free(&ctx.name);
	return 0;
}

void interest_line_print(struct strbuf *out, const char *source, const struct model_dump_reg *r,
			 bool with_reported)
{
	sb_printf(out, "epolltrace: %spid %d epfd %d: ", source, (int) r->pid, r->epfd);
	if (r->fd < 0) {
		sb_puts(out, "no registrations\n");
		return;
	}
	sb_printf(out, "fd %d <%s> events=", r->fd, r->name);
	print_epoll_events(out, r->events);
	if (r->disarmed)
		sb_puts(out, " (disarmed)");
	sb_puts(out, " data=");
	print_epoll_data(out, r->data);
	if (with_reported)
		sb_printf(out, " reported=%llu", (unsigned long long) r->reported);
	sb_putc(out, '\n');
}

/* One line of the text header. */
static void print_reg(void *ctx, const struct model_dump_reg *r)
{
	interest_line_print(ctx, "", r, false);
}

void interest_header_print(struct strbuf *out, pid_t pid)
{
	int err = interest_header_each(pid, print_reg, out);
	if (err)
		sb_printf(out, "epolltrace: pid %d: cannot read its epoll instances: %s\n",
			  (int) pid, strerror(err));
}
