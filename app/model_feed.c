#include <errno.h>
#include <linux/close_range.h>
#include <string.h>

#include "app/model_feed.h"
#include "arch/syscall_numbers.h"
#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"

/* Calls that end an fd: a registration may outlive it, or go with it. */
enum fd_end { END_CLOSE, END_CLOSE_RANGE, END_REPLACE, END_RING };

/*
 * What each of arch/syscalls.csv's fd-end and ring rows (MODEL_SYSCALLS)
 * ends, and where the call names its fds: the fd closed, the range's
 * first or dup's old fd; the range's last or dup's new fd; close_range's
 * flags.  A row without its FD_END_ here does not build.
 */
#define FD_END_close		END_CLOSE, 0, NO_ARG, NO_ARG
#define FD_END_close_range	END_CLOSE_RANGE, 0, 1, 2
#define FD_END_dup2		END_REPLACE, 0, 1, NO_ARG
#define FD_END_dup3		END_REPLACE, 0, 1, NO_ARG
/* IORING_OP_EPOLL_CTL changes lists without an epoll_ctl. */
#define FD_END_io_uring_enter	END_RING, NO_ARG, NO_ARG, NO_ARG

#define FD_END_ROW(name) { #name, FD_END_##name },
static const struct fd_end_call {
	const char *name;
	enum fd_end how;
	signed char fd_arg, other_arg, flags_arg;
} fd_end_calls[] = { MODEL_SYSCALLS(FD_END_ROW) };

#define NFD_END_CALLS (sizeof(fd_end_calls) / sizeof(fd_end_calls[0]))

void model_feed_trap_rules(struct trap_rules *r, const struct options *opts)
{
	if (!opts->model.diagnose)
		return;
	for (size_t i = 0; i < NFD_END_CALLS; i++) {
		const struct fd_end_call *end = &fd_end_calls[i];
		/* The one fd a close or a dup2 ends: its file's fate is seen at entry. */
		signed char fd = end->how == END_CLOSE ? end->fd_arg
				 : end->how == END_REPLACE ? end->other_arg : NO_ARG;
		trap_rules_add(r, (struct trap_rule) { .name = end->name, .fd_file = fd != NO_ARG,
						      .fd_file_arg = (unsigned char) fd });
	}
}

static const struct fd_end_call *fd_end_call(const char *name)
{
	for (size_t i = 0; i < NFD_END_CALLS; i++)
		if (strcmp(fd_end_calls[i].name, name) == 0)
			return &fd_end_calls[i];
	return NULL;
}

static bool zero_timeout(struct task *t, const struct model_call *mc)
{
	const struct epoll_roles *r = &mc->desc->roles;
	uint64_t timeout = r->timeout_arg != NO_ARG ? mc->args[r->timeout_arg] : 0;
	switch (r->timeout) {
	case TIMEOUT_MSEC:
		return (int32_t) timeout == 0;
	case TIMEOUT_TIMESPEC: {
		int64_t ts[2];
		return timeout && task_read_mem(t, timeout, ts, sizeof(ts)) &&
		       ts[0] == 0 && ts[1] == 0;
	}
	default:
		return false;
	}
}

static struct model_wait wait_of(struct task *t, const struct model_call *mc)
{
	return (struct model_wait) {
		.abi = mc->abi,
		.tgid = mc->tgid,
		.tid = task_tid(t),
		.epfd = (int) mc->args[mc->desc->roles.epfd],
		.maxevents = (int) mc->args[mc->desc->roles.maxevents],
		.zero_timeout = mc->zero_timeout,
	};
}

/* At entry, through the stop's copy that the call's line then reads too. */
static void read_ctl_event(struct task *t, struct model_call *mc)
{
	const struct epoll_roles *r = &mc->desc->roles;
	unsigned char raw[EPOLL_EVENT_MAX_SIZE];
	uint64_t addr = mc->args[r->event];
	if (mc->args[r->op] == EPOLL_CTL_DEL_OP || !addr ||
	    !read_tracee(t, addr, raw, mc->abi->epoll_event_size))
		return;
	epoll_event_unpack(mc->abi, raw, &mc->events, &mc->data);
	mc->has_event = true;
}

bool model_feed_entry(struct session *s, struct task *t, struct tracee_state *st,
		      const struct abi *abi, const char *name, const struct syscall_stop *stop)
{
	struct model_call *mc = &st->model_call;
	mc->active = false;
	const struct syscall_desc *desc = syscall_desc_by_name(name);
	const struct fd_end_call *end = desc ? NULL : fd_end_call(name);
	if (desc && !desc->roles.epfd_result && desc->roles.op == NO_ARG &&
	    !desc->roles.events_result)
		return false;
	if (!desc && (!end || !s->model_sees_closes))
		return false;
	*mc = (struct model_call) { .active = true, .abi = abi, .desc = desc, .end = end,
				    .tgid = tracee_tgid(t, st) };
	syscall_args_load(mc->args, desc, abi, stop->args);
	if (desc && desc->roles.events_result) {
		mc->zero_timeout = zero_timeout(t, mc);
		struct model_wait w = wait_of(t, mc);
		model_wait_started(s->model, &w);
	}
	if (desc && desc->roles.event != NO_ARG)
		read_ctl_event(t, mc);
	return true;
}

static void feed_ctl(struct session *s, struct task *t, const struct model_call *mc, int err)
{
	const struct epoll_roles *r = &mc->desc->roles;
	struct model_ctl c = {
		.tgid = mc->tgid,
		.tid = task_tid(t),
		.epfd = (int) mc->args[r->epfd],
		.op = (int) mc->args[r->op],
		.fd = (int) mc->args[r->fd],
		.err = err,
	};
	c.has_event = mc->has_event;
	c.events = mc->events;
	c.data = mc->data;
	model_ctl_done(s->model, &c);
}

static void feed_wait(struct session *s, struct task *t, const struct model_call *mc,
		      const struct syscall_stop *stop, int err)
{
	struct syscall_call call = {
		.abi = mc->abi,
		.desc = mc->desc,
		.rval = stop->rval,
		.is_error = stop->is_error,
		.mem = { read_tracee, t },
	};
	memcpy(call.args, mc->args, sizeof(call.args));
	const struct wait_events *we = wait_events_of(&s->wait_events, &call);
	/* Events that cannot be read say nothing: not an empty wait either. */
	if (!err && !we->complete)
		return;
	struct model_wait w = wait_of(t, mc);
	model_wait_done(s->model, &w, err, we->v, we->n);
}

/* A backend that saw the file at the call's entry says whether its registrations live on. */
static enum fd_fate fd_fate(uint8_t fd_file)
{
	if (!(fd_file & FD_FILE_SEEN))
		return FD_FATE_UNSEEN;
	return (fd_file & FD_FILE_SHARED) && (fd_file & FD_FILE_WATCHED) ? FD_FATE_KEPT : FD_FATE_GONE;
}

static void feed_fd_end(struct session *s, struct task *t, const struct model_call *mc, int err,
			uint8_t fd_file)
{
	const struct fd_end_call *end = mc->end;
	unsigned int a = end->fd_arg != NO_ARG ? (unsigned int) mc->args[end->fd_arg] : 0;
	unsigned int b = end->other_arg != NO_ARG ? (unsigned int) mc->args[end->other_arg] : 0;
	unsigned int lo = a, hi = a;
	bool replaced = false;
	switch (end->how) {
	case END_CLOSE:
		/* Linux closes the fd even when close() reports an error, but for EBADF. */
		if (err == EBADF)
			return;
		break;
	case END_CLOSE_RANGE:
		if (err || (mc->args[end->flags_arg] & CLOSE_RANGE_CLOEXEC))
			return;
		hi = b;
		break;
	case END_REPLACE:
		if (err || a == b)
			return;
		lo = hi = b;
		replaced = true;
		break;
	case END_RING:
		/* IORING_OP_CLOSE and the like end fds unseen. */
		model_kernel_changed(s->model, mc->tgid);
		fd_name_cache_forget_process(&s->fd_name_cache, mc->tgid);
		return;
	}
	model_fds_closed(s->model, mc->tgid, task_tid(t), lo, hi, replaced, fd_fate(fd_file));
	fd_name_cache_forget(&s->fd_name_cache, mc->tgid, lo, hi);
}

void model_feed_exit(struct session *s, struct task *t, struct tracee_state *st,
		     const struct syscall_stop *stop)
{
	struct model_call *mc = &st->model_call;
	if (!mc->active)
		return;
	mc->active = false;
	int err = stop->is_error ? (int) -stop->rval : 0;
	if (mc->end)
		feed_fd_end(s, t, mc, err, stop->fd_file);
	else if (mc->desc->roles.epfd_result) {
		if (!err)
			model_epoll_created(s->model, mc->tgid, (int) stop->rval);
	} else if (mc->desc->roles.op != NO_ARG)
		feed_ctl(s, t, mc, err);
	else
		feed_wait(s, t, mc, stop, err);
}
