#include <stdlib.h>

#include "trace/task.h"
#include "util/xalloc.h"

static size_t bucket_of(const struct task_table *tt, pid_t tid)
{
	return (size_t) tid & (tt->nbuckets - 1);
}

void task_table_init(struct task_table *tt)
{
	tt->nbuckets = 64;
	tt->buckets = xcalloc(tt->nbuckets, sizeof(*tt->buckets));
	tt->count = 0;
}

void task_table_free(struct task_table *tt)
{
	for (size_t i = 0; i < tt->nbuckets; i++) {
		struct task *t = tt->buckets[i];
		while (t) {
			struct task *next = t->next;
			free(t);
			t = next;
		}
	}
	free(tt->buckets);
	tt->buckets = NULL;
	tt->count = 0;
}

struct task *task_find(const struct task_table *tt, pid_t tid)
{
	for (struct task *t = tt->buckets[bucket_of(tt, tid)]; t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

static void link_task(struct task_table *tt, struct task *t)
{
	struct task **head = &tt->buckets[bucket_of(tt, t->tid)];
	t->next = *head;
	*head = t;
}

/* Servers with thousands of threads stay O(1) per stop. */
static void grow(struct task_table *tt)
{
	struct task **old = tt->buckets;
	size_t nold = tt->nbuckets;
	tt->nbuckets *= 2;
	tt->buckets = xcalloc(tt->nbuckets, sizeof(*tt->buckets));
	for (size_t i = 0; i < nold; i++) {
		struct task *t = old[i];
		while (t) {
			struct task *next = t->next;
			link_task(tt, t);
			t = next;
		}
	}
	free(old);
}

struct task *task_get(struct task_table *tt, pid_t tid)
{
	struct task *t = task_find(tt, tid);
	if (t)
		return t;
	if (tt->count >= tt->nbuckets)
		grow(tt);
	t = xcalloc(1, sizeof(*t));
	t->tid = tid;
	link_task(tt, t);
	tt->count++;
	return t;
}

static void unlink_task(struct task_table *tt, struct task *t)
{
	for (struct task **p = &tt->buckets[bucket_of(tt, t->tid)]; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			return;
		}
	}
}

void task_unlink(struct task_table *tt, struct task *t)
{
	unlink_task(tt, t);
	tt->count--;
}

void task_remove(struct task_table *tt, struct task *t)
{
	task_unlink(tt, t);
	free(t);
}

void task_rekey(struct task_table *tt, struct task *t, pid_t tid)
{
	unlink_task(tt, t);
	t->tid = tid;
	link_task(tt, t);
}
