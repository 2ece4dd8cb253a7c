/* An instance's interest list: its registrations, and those it recently lost. */
#include <stdlib.h>
#include <sys/epoll.h>

#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/instance.h"
#include "model/reg_target.h"
#include "util/xalloc.h"

struct ep_instance *instance_new(uint64_t id)
{
	struct ep_instance *inst = xcalloc(1, sizeof(*inst));
	inst->id = id;
	return inst;
}

void instance_free(struct ep_instance *inst)
{
	if (!inst)
		return;
	for (size_t i = 0; i < inst->n; i++)
		free(inst->entries[i]);
	free(inst->entries);
	u64_map_free(&inst->by_data);
	u64_map_free(&inst->data_uses);
	u64_map_free(&inst->by_tfd);
	free(inst);
}

static struct ep_entry *entry_at(const struct u64_map *map, uint64_t key)
{
	uint64_t v;
	return u64_map_get(map, key, &v) ? (struct ep_entry *) (uintptr_t) v : NULL;
}

struct ep_entry *entry_by_tfd(const struct ep_instance *inst, int tfd)
{
	return entry_at(&inst->by_tfd, (uint32_t) tfd);
}

struct ep_entry *entry_by_data(const struct ep_instance *inst, uint64_t data)
{
	return entry_at(&inst->by_data, data);
}

static void index_data(struct ep_instance *inst, struct ep_entry *e);

/* Only a shared data word needs a search when one goes. */
uint64_t entries_with_data(const struct ep_instance *inst, uint64_t data)
{
	uint64_t n = 0;
	u64_map_get(&inst->data_uses, data, &n);
	return n;
}

static void count_data(struct ep_instance *inst, uint64_t data, int delta)
{
	uint64_t n = entries_with_data(inst, data) + (uint64_t) (int64_t) delta;
	if (n)
		u64_map_put(&inst->data_uses, data, n);
	else
		u64_map_remove(&inst->data_uses, data);
}

struct ep_entry *entry_add(struct ep_instance *inst, int tfd, uint32_t events, uint64_t data)
{
	struct ep_entry *e = xcalloc(1, sizeof(*e));
	*e = (struct ep_entry) { .tfd = tfd, .events = events, .data = data, .since_ns = -1,
				 .reported_ns = -1 };
	inst->entries = grow_array(inst->entries, &inst->cap, inst->n, sizeof(*inst->entries));
	e->index = inst->n;
	inst->entries[inst->n++] = e;
	u64_map_put(&inst->by_tfd, (uint32_t) tfd, (uintptr_t) e);
	count_data(inst, data, 1);
	index_data(inst, e);
	return e;
}

/*
 * An event's data is looked up here: of entries that share it, a live one
 * is found before a ghost, since a reused data word (a recycled pointer)
 * belongs to the new registration.
 */
static void index_data(struct ep_instance *inst, struct ep_entry *e)
{
	struct ep_entry *now = entry_by_data(inst, e->data);
	if (!now || (now->ghost && !e->ghost))
		u64_map_put(&inst->by_data, e->data, (uintptr_t) e);
}

/* When several entries share data, another of them takes over the key. */
static void unindex_data(struct ep_instance *inst, struct ep_entry *e)
{
	if (entry_by_data(inst, e->data) != e)
		return;
	u64_map_remove(&inst->by_data, e->data);
	for (size_t i = 0; entries_with_data(inst, e->data) > 1 && i < inst->n; i++)
		if (inst->entries[i] != e && inst->entries[i]->data == e->data)
			index_data(inst, inst->entries[i]);
}

void entry_set_data(struct ep_instance *inst, struct ep_entry *e, uint64_t data)
{
	if (e->data == data)
		return;
	unindex_data(inst, e);
	count_data(inst, e->data, -1);
	e->data = data;
	count_data(inst, data, 1);
	index_data(inst, e);
}

void entry_set_disarmed(struct ep_instance *inst, struct ep_entry *e, bool disarmed)
{
	if (e->disarmed != disarmed)
		inst->ndisarmed += disarmed ? 1 : (size_t) -1;
	e->disarmed = disarmed;
}

/* PRIVATE_BITS: what the kernel keeps of a fired ONESHOT registration. */
void entry_fired(struct ep_instance *inst, struct ep_entry *e, int64_t now)
{
	e->reported++;
	e->reported_ns = now;
	if (!(e->events & EPOLLONESHOT))
		return;
	e->armed_events = e->events;
	e->events &= EPOLLONESHOT | EPOLLET | EPOLLWAKEUP | EPOLLEXCLUSIVE;
	e->firings++;
	entry_set_disarmed(inst, e, true);
	e->disarm_wait = inst->wait_starts;
	e->disarm_ns = now;
}

void entry_make_ghost(struct ep_instance *inst, struct ep_entry *e, int64_t now)
{
	if (entry_by_tfd(inst, e->tfd) == e)
		u64_map_remove(&inst->by_tfd, (uint32_t) e->tfd);
	if (e->ghost)
		return;
	e->ghost = true;
	e->ghost_ns = now;
	inst->nghosts++;
	unindex_data(inst, e);
	index_data(inst, e);
}

void entry_remove(struct ep_instance *inst, struct ep_entry *e, enum removal why, int64_t now)
{
	inst->graveyard[inst->grave_next] = (struct removed_reg) {
		.tfd = e->tfd, .data = e->data, .when_ns = now, .why = why, .used = true,
	};
	inst->grave_next = (inst->grave_next + 1) % GRAVEYARD_SIZE;
	if (entry_by_tfd(inst, e->tfd) == e)
		u64_map_remove(&inst->by_tfd, (uint32_t) e->tfd);
	unindex_data(inst, e);
	count_data(inst, e->data, -1);
	entry_set_disarmed(inst, e, false);
	if (e->ghost)
		inst->nghosts--;
	struct ep_entry *last = inst->entries[--inst->n];
	inst->entries[e->index] = last;
	last->index = e->index;
	free(e);
}

const struct removed_reg *graveyard_find(const struct ep_instance *inst, bool by_tfd,
					 uint64_t key)
{
	for (size_t k = 1; k <= GRAVEYARD_SIZE; k++) {
		const struct removed_reg *r =
			&inst->graveyard[(inst->grave_next + GRAVEYARD_SIZE - k) % GRAVEYARD_SIZE];
		if (r->used && (by_tfd ? (uint64_t) (uint32_t) r->tfd : r->data) == key)
			return r;
	}
	return NULL;
}

/* The kernel's lines by fd number: each line's next one with the same number. */
struct lines_by_tfd {
	struct u64_map first;	/* tfd -> index of its first line */
	size_t *next;		/* SIZE_MAX ends a chain */
};

static void index_lines(const struct epoll_fdinfo *info, struct lines_by_tfd *x)
{
	x->first = (struct u64_map) { 0 };
	x->next = xcalloc(info->nregs + 1, sizeof(*x->next));
	for (size_t i = info->nregs; i-- > 0;) {
		uint64_t key = (uint32_t) info->regs[i].tfd, head;
		x->next[i] = u64_map_get(&x->first, key, &head) ? (size_t) head : SIZE_MAX;
		u64_map_put(&x->first, key, i);
	}
}

/* The kernel's line for e: same fd number and, when both know it, the same file. */
static const struct epoll_reg *kernel_line(const struct epoll_fdinfo *info,
					   const struct lines_by_tfd *x, const struct ep_entry *e,
					   bool *taken)
{
	const struct epoll_reg *fallback = NULL;
	uint64_t head;
	size_t i = u64_map_get(&x->first, (uint32_t) e->tfd, &head) ? (size_t) head : SIZE_MAX;
	for (; i != SIZE_MAX; i = x->next[i]) {
		const struct epoll_reg *r = &info->regs[i];
		if (taken[i])
			continue;
		if (e->has_file_id && r->has_file_id && (r->ino != e->ino || r->sdev != e->sdev))
			continue;
		if (r->data == e->data)
			return taken[i] = true, r;
		if (!fallback)
			fallback = r;
	}
	if (fallback)
		taken[fallback - info->regs] = true;
	return fallback;
}

/*
 * Each entry's kernel line, or NULL; taken[] marks the lines matched.
 * Entries whose file is known choose first, so that an entry that knows
 * only its fd number and data cannot take a ghost's line.
 */
static const struct epoll_reg **match_lines(const struct ep_instance *inst,
					    const struct epoll_fdinfo *info, bool *taken)
{
	struct lines_by_tfd x;
	index_lines(info, &x);
	const struct epoll_reg **match = xcalloc(inst->n + 1, sizeof(*match));
	for (int known = 1; known >= 0; known--)
		for (size_t i = 0; i < inst->n; i++)
			if (inst->entries[i]->has_file_id == known)
				match[i] = kernel_line(info, &x, inst->entries[i], taken);
	u64_map_free(&x.first);
	free(x.next);
	return match;
}

static bool entry_agrees(const struct ep_entry *e, const struct epoll_reg *r)
{
	return r && r->events == e->events && r->data == e->data;
}

size_t instance_differences(const struct ep_instance *inst, const struct epoll_fdinfo *info,
			    struct strbuf *why)
{
	bool *taken = xcalloc(info->nregs + 1, sizeof(*taken));
	const struct epoll_reg **match = match_lines(inst, info, taken);
	size_t differ = 0;
	for (size_t i = 0; i < inst->n; i++) {
		const struct ep_entry *e = inst->entries[i];
		const struct epoll_reg *r = match[i];
		if (entry_agrees(e, r))
			continue;
		if (why && differ++ < 3) {
			sb_printf(why, "%sfd %d: model events=", differ > 1 ? "; " : "", e->tfd);
			print_epoll_events(why, e->events);
			sb_puts(why, " data=");
			print_epoll_data(why, e->data);
			sb_puts(why, r ? ", kernel events=" : ", not in the kernel's list");
			if (r) {
				print_epoll_events(why, r->events);
				sb_puts(why, " data=");
				print_epoll_data(why, r->data);
			}
		} else if (!why) {
			differ++;
		}
	}
	for (size_t i = 0; i < info->nregs; i++) {
		if (taken[i])
			continue;
		if (why && differ++ < 3)
			sb_printf(why, "%sfd %d: only in the kernel's list", differ > 1 ? "; " : "",
				  info->regs[i].tfd);
		else if (!why)
			differ++;
	}
	if (why && differ > 3)
		sb_printf(why, "; %zu more", differ - 3);
	free(match);
	free(taken);
	return differ;
}

bool is_named_by_its_fd(const struct model_env *env, pid_t tgid, const struct epoll_reg *r)
{
	struct proc_fd now = { 0 };
	bool open = env->probe_fd(env->ctx, tgid, r->tfd, &now);
	enum reg_target target = reg_target_check(r, open ? &now : NULL);
	proc_fd_free(&now);
	return target == REG_TARGET_SAME;
}

/* A registration found disarmed is taken to have fired when it was found. */
static void learn_arming(struct ep_instance *inst, struct ep_entry *e, const struct epoll_reg *r,
			 int64_t now)
{
	bool disarmed = epoll_reg_disarmed(r);
	if (disarmed && !e->disarmed) {
		e->firings++;
		e->disarm_ns = now;
		e->disarm_wait = inst->wait_starts;
		e->armed_events = 0;
	}
	entry_set_disarmed(inst, e, disarmed);
}

size_t instance_reconcile(struct ep_instance *inst, const struct epoll_fdinfo *info,
			  const struct model_env *env, pid_t tgid, int64_t now)
{
	bool *taken = xcalloc(info->nregs + 1, sizeof(*taken));
	const struct epoll_reg **match = match_lines(inst, info, taken);
	size_t differ = 0;
	/* Downwards: a removal moves the last entry, already done, into its place. */
	for (size_t i = inst->n; i-- > 0;) {
		struct ep_entry *e = inst->entries[i];
		const struct epoll_reg *r = match[i];
		if (!r) {
			/* Closed behind our back: the kernel dropped it with its file. */
			entry_remove(inst, e, REMOVED_BY_CLOSE, now);
			differ++;
			continue;
		}
		if (!entry_agrees(e, r))
			differ++;
		e->events = r->events;
		entry_set_data(inst, e, r->data);
		e->has_file_id = r->has_file_id;
		e->ino = r->ino;
		e->sdev = r->sdev;
		learn_arming(inst, e, r, now);
	}
	free(match);
	for (size_t i = 0; i < info->nregs; i++) {
		if (taken[i])
			continue;
		const struct epoll_reg *r = &info->regs[i];
		struct ep_entry *named = entry_by_tfd(inst, r->tfd);
		struct ep_entry *e = entry_add(inst, r->tfd, r->events, r->data);
		e->has_file_id = r->has_file_id;
		e->ino = r->ino;
		e->sdev = r->sdev;
		learn_arming(inst, e, r, now);
		if (!is_named_by_its_fd(env, tgid, r)) {
			entry_make_ghost(inst, e, now);
			if (named)
				u64_map_put(&inst->by_tfd, (uint32_t) r->tfd, (uintptr_t) named);
		}
		differ++;
	}
	free(taken);
	return differ;
}
