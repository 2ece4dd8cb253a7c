/*
 * Calls the model was never told, lost by the eBPF backend: nothing it
 * would say of the process's past can be trusted until its lists are
 * read again, once the calls told are all that were made.
 */
#include "model/list_changes.h"
#include "model/model_parts.h"

bool model_watches(const struct model *m, pid_t tgid)
{
	if (!m->cfg.diagnose)
		return false;
	const struct ep_process *p = m->st.nunsure ? process_find(&m->st, tgid) : NULL;
	return !p || !p->unsure;
}

bool model_calls_lost(struct model *m, pid_t tgid)
{
	diag_forget_process(&m->diag, tgid);
	struct ep_process *p = process_get(&m->st, tgid);
	if (p->unsure)
		return false;
	p->unsure = true;
	m->st.nunsure++;
	return true;
}

/* What the watchers counted of an instance's waits and events: the gap broke each run. */
static void forget_watch(struct ep_instance *inst)
{
	inst->watch = (struct inst_watch) { .sharing_reported = inst->watch.sharing_reported };
	for (size_t i = 0; i < inst->n; i++) {
		struct ep_entry *e = inst->entries[i];
		e->watch = (struct entry_watch) { .oneshot_warned = e->watch.oneshot_warned };
	}
}

void model_catch_up(struct model *m)
{
	for (size_t i = 0; m->st.nunsure && i < m->st.nprocs; i++) {
		struct ep_process *p = m->st.procs[i];
		if (!p->unsure)
			continue;
		list_reread(&m->st, p);
		for (size_t j = 0; j < p->n; j++)
			forget_watch(p->handles[j].inst);
		/* What its threads did while it was read is not known either. */
		diag_forget_process(&m->diag, p->tgid);
		p->unsure = false;
		m->st.nunsure--;
	}
}
