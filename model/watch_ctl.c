#include <errno.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"
#include "decode/errnos.h"
#include "emit/text_values.h"
#include "model/processes.h"
#include "model/watch_ctl.h"
#include "util/escape.h"

/* What the kernel accepts with EPOLLEXCLUSIVE (fs/eventpoll.c). */
#define EXCLUSIVE_OK_BITS (EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | \
			   EPOLLET | EPOLLEXCLUSIVE)

static void print_call(struct strbuf *out, const struct model_ctl *c)
{
	sb_printf(out, "epoll_ctl(%d, ", c->epfd);
	print_xval(out, &epoll_ctl_ops_xlat, (unsigned int) c->op, "EPOLL_CTL_???");
	sb_printf(out, ", %d", c->fd);
	if (c->has_event && c->op != EPOLL_CTL_DEL) {
		sb_puts(out, ", events=");
		print_epoll_events(out, c->events);
	}
	sb_puts(out, ")");
}

static void print_failure(struct strbuf *out, const struct model_ctl *c)
{
	print_call(out, c);
	sb_printf(out, " failed with %s", errno_name(c->err));
}

static void print_registration(struct strbuf *out, const struct ep_entry *e)
{
	sb_puts(out, "events=");
	print_epoll_events(out, e->events);
	sb_puts(out, " data=");
	print_epoll_data(out, e->data);
	sb_puts(out, ", registered ");
	print_when(out, e->since_ns);
	if (e->registrant)
		sb_printf(out, " by pid %d", (int) e->registrant);
}

/* Where the registration a MOD or DEL did not find went. */
static void print_whereabouts(struct strbuf *out, const struct ep_instance *inst, int fd)
{
	const struct removed_reg *r = graveyard_find(inst, true, (uint32_t) fd);
	if (!r) {
		sb_printf(out, "; fd %d was not added to this instance while traced", fd);
		return;
	}
	sb_printf(out, "; its registration was %s ",
		  r->why == REMOVED_BY_DEL ? "deleted" : "dropped when its file was closed");
	print_when(out, r->when_ns);
}

bool watch_ctl_recovers(const struct pending_warning *w, const struct ep_instance *inst,
			const struct model_ctl *c)
{
	if (!w->set || !inst || w->inst_id != inst->id || w->fd != c->fd || c->err)
		return false;
	if (w->kind == DIAG_CTL_EEXIST)
		return c->op == EPOLL_CTL_MOD;
	return w->kind == DIAG_CTL_ENOENT && w->op == EPOLL_CTL_MOD && c->op == EPOLL_CTL_ADD;
}

/* Why the kernel refused an EPOLLEXCLUSIVE call with EINVAL, or NULL. */
static const char *exclusive_problem(const struct model_env *env, const struct ep_instance *inst,
				     const struct model_ctl *c)
{
	if (c->op == EPOLL_CTL_MOD) {
		const struct ep_entry *e = entry_by_tfd(inst, c->fd);
		if (c->has_event && (c->events & EPOLLEXCLUSIVE))
			return "EPOLLEXCLUSIVE cannot be given to EPOLL_CTL_MOD";
		if (e && (e->events & EPOLLEXCLUSIVE))
			return "the registration has EPOLLEXCLUSIVE, which EPOLL_CTL_MOD cannot change";
		return NULL;
	}
	if (c->op != EPOLL_CTL_ADD || !c->has_event || !(c->events & EPOLLEXCLUSIVE))
		return NULL;
	if (c->events & ~EXCLUSIVE_OK_BITS)
		return "EPOLLEXCLUSIVE was combined with flags it does not allow";
	if (fd_is_epoll(env, c->tgid, c->fd))
		return "EPOLLEXCLUSIVE cannot be used for an epoll fd";
	return NULL;
}

/* "a regular file", "a directory": why it cannot be polled. */
static void print_unpollable(struct strbuf *out, const struct model_env *env, pid_t tgid, int fd)
{
	struct proc_fd now = { 0 };
	if (env->probe_fd(env->ctx, tgid, fd, &now)) {
		sb_printf(out, ": fd %d is %s ", fd,
			  S_ISDIR(now.mode) ? "the directory" :
			  S_ISREG(now.mode) ? "the regular file" : "the file");
		print_escaped(out, now.link);
	}
	proc_fd_free(&now);
}

void watch_ctl_failed(struct diag *d, struct diag_thread *th, const struct ep_instance *inst,
		      const struct model_ctl *c)
{
	const struct model_env *env = d->env;
	struct strbuf ev = STRBUF_INIT;
	print_failure(&ev, c);
	const struct ep_entry *e = entry_by_tfd(inst, c->fd);
	const char *excl;
	if (c->err == EEXIST && c->op == EPOLL_CTL_ADD) {
		if (e) {
			sb_printf(&ev, "; fd %d is already registered: ", c->fd);
			print_registration(&ev, e);
		}
		pending_hold(th, DIAG_CTL_EEXIST, inst, c->tgid, c->epfd, c->fd, c->op, &ev);
	} else if (c->err == ENOENT && c->op != EPOLL_CTL_ADD) {
		print_whereabouts(&ev, inst, c->fd);
		pending_hold(th, DIAG_CTL_ENOENT, inst, c->tgid, c->epfd, c->fd, c->op, &ev);
	} else if (c->err == EPERM && c->op == EPOLL_CTL_ADD) {
		print_unpollable(&ev, env, c->tgid, c->fd);
		diag_report(d, DIAG_EPERM_UNPOLLABLE, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == EINVAL && (excl = exclusive_problem(env, inst, c))) {
		sb_printf(&ev, ": %s", excl);
		diag_report(d, DIAG_EXCLUSIVE_MISUSE, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == ELOOP && c->op == EPOLL_CTL_ADD) {
		sb_printf(&ev, ": the instance behind fd %d already contains this one, "
			  "or the nesting would be too deep", c->fd);
		diag_report(d, DIAG_NESTED_LOOP, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == EINVAL && c->op == EPOLL_CTL_ADD &&
		   env->same_file(env->ctx, c->tgid, c->epfd, c->tgid, c->fd)) {
		sb_printf(&ev, ": fd %d is this same instance", c->fd);
		diag_report(d, DIAG_NESTED_LOOP, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	}
	sb_free(&ev);
}
