/*
 * epoll_ctl: the interest list follows every successful call, and a
 * failed one is explained from what the model knows of the fd.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"
#include "decode/errnos.h"
#include "emit/text_values.h"
#include "model/model_state.h"
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

static bool is_ctl_recovery(const struct pending_warning *w, const struct ep_instance *inst,
			    const struct model_ctl *c)
{
	if (!w->set || !inst || w->inst_id != inst->id || w->fd != c->fd || c->err)
		return false;
	if (w->kind == DIAG_CTL_EEXIST)
		return c->op == EPOLL_CTL_MOD;
	return w->kind == DIAG_CTL_ENOENT && w->op == EPOLL_CTL_MOD && c->op == EPOLL_CTL_ADD;
}

/* Why the kernel refused an EPOLLEXCLUSIVE call with EINVAL, or NULL. */
static const char *exclusive_problem(const struct ep_instance *inst, const struct model_ctl *c)
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
	if (fd_is_epoll(c->tgid, c->fd))
		return "EPOLLEXCLUSIVE cannot be used for an epoll fd";
	return NULL;
}

/* "a regular file", "a directory": why it cannot be polled. */
static void print_unpollable(struct strbuf *out, pid_t tgid, int fd)
{
	char path[64], link[PATH_MAX];
	struct stat st;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int) tgid, fd);
	ssize_t n = readlink(path, link, sizeof(link) - 1);
	if (n < 0 || stat(path, &st) != 0)
		return;
	link[n] = '\0';
	sb_printf(out, ": fd %d is %s ", fd,
		  S_ISDIR(st.st_mode) ? "the directory" :
		  S_ISREG(st.st_mode) ? "the regular file" : "the file");
	print_escaped(out, link);
}

static void diagnose_failure(struct model *m, struct ep_thread *th, struct ep_instance *inst,
			     const struct model_ctl *c)
{
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
		print_unpollable(&ev, c->tgid, c->fd);
		diag_report(m, DIAG_EPERM_UNPOLLABLE, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == EINVAL && (excl = exclusive_problem(inst, c))) {
		sb_printf(&ev, ": %s", excl);
		diag_report(m, DIAG_EXCLUSIVE_MISUSE, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == ELOOP && c->op == EPOLL_CTL_ADD) {
		sb_printf(&ev, ": the instance behind fd %d already contains this one, "
			  "or the nesting would be too deep", c->fd);
		diag_report(m, DIAG_NESTED_LOOP, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	} else if (c->err == EINVAL && c->op == EPOLL_CTL_ADD &&
		   same_file(c->tgid, c->epfd, c->tgid, c->fd)) {
		sb_printf(&ev, ": fd %d is this same instance", c->fd);
		diag_report(m, DIAG_NESTED_LOOP, inst, c->tgid, c->epfd, c->fd, sb_str(&ev));
	}
	sb_free(&ev);
}

/* The kernel drops EPOLLWAKEUP without CAP_BLOCK_SUSPEND: only it knows what it kept. */
static void registered(struct model *m, struct ep_instance *inst, struct ep_entry *e,
		       const struct model_ctl *c)
{
	int64_t now = model_now(m);
	e->events = c->events | EPOLLERR | EPOLLHUP;
	entry_set_data(inst, e, c->data);
	entry_set_disarmed(inst, e, false);
	e->streak = 0;
	if (c->op == EPOLL_CTL_ADD) {
		e->registrant = c->tgid;
		e->since_ns = now;
	}
	if (c->events & EPOLLET) {
		e->et_check = true;
		inst->et_checks = true;
	}
	if (c->events & EPOLLWAKEUP)
		instance_resync(m, inst, c->tgid, c->epfd);
}

static void apply(struct model *m, struct ep_instance *inst, const struct model_ctl *c)
{
	struct ep_entry *e = entry_by_tfd(inst, c->fd);
	int64_t now = model_now(m);
	switch (c->op) {
	case EPOLL_CTL_ADD:
		/*
		 * The kernel took it, so an entry the model has for the number is
		 * another file's: a ghost if the model saw the number closed while
		 * the file lived on; else most likely closed unseen, and gone.
		 */
		if (e && m->cfg.sees_closes)
			entry_make_ghost(inst, e, now);
		else if (e)
			entry_remove(inst, e, REMOVED_BY_CLOSE, now);
		if (c->has_event)
			registered(m, inst, entry_add(inst, c->fd, 0, c->data), c);
		else
			instance_resync(m, inst, c->tgid, c->epfd);
		break;
	case EPOLL_CTL_MOD:
		if (!e || !c->has_event)
			instance_resync(m, inst, c->tgid, c->epfd);
		else
			registered(m, inst, e, c);
		break;
	case EPOLL_CTL_DEL:
		if (e)
			entry_remove(inst, e, REMOVED_BY_DEL, now);
		break;
	}
}

void model_ctl_done(struct model *m, const struct model_ctl *c)
{
	struct ep_thread *th = thread_get(m, c->tid);
	bool learnt = false;
	struct ep_instance *inst = instance_of(m, c->tgid, c->epfd, &learnt);
	if (is_ctl_recovery(&th->pending, inst, c)) {
		m->counts[th->pending.kind].recovered++;
		pending_drop(th);
	}
	pending_flush(m, th);
	if (!inst)
		return;
	if (m->cfg.diagnose) {
		watch_shared(m, inst, c->tgid, c->epfd);
		if (c->err)
			diagnose_failure(m, th, inst, c);
	}
	/* A list just read from the kernel already has this call in it. */
	if (!c->err && !learnt)
		apply(m, inst, c);
}
