#include "app/inject.h"
#include "decode/decoder.h"

/* strace's count: down to the first due call, then every step-th, while last lasts. */
static bool due(const struct inject_rule *r, struct inject_count *c)
{
	if (!c->started) {
		*c = (struct inject_count) { .started = true, .first = r->first, .last = r->last };
	}
	if (c->first == 0 || c->last == 0)
		return false;
	if (c->last != INJECT_LAST_NONE)
		c->last--;
	if (--c->first != 0)
		return false;
	c->first = r->step;
	return true;
}

bool inject_at_entry(const struct inject_rule *rules, struct inject_count *counts,
		     struct task *t, const struct abi *abi, const char *name,
		     const uint64_t stop_args[6], struct inject_done *done)
{
	*done = (struct inject_done) { 0 };
	int i = name ? syscall_desc_index(name) : -1;
	if (i < 0 || !rules[i].on)
		return false;
	const struct inject_rule *r = &rules[i];
	/* Only the calls that are ours count: ioctl's epoll requests, not the others. */
	struct syscall_call call = { .abi = abi, .desc = syscall_descs[i] };
	syscall_args_load(call.args, call.desc, abi, stop_args);
	if (!syscall_call_wanted(&call) || !due(r, &counts[i]))
		return false;
	if (r->error || r->retval)
		done->injected = task_skip_call(t, r->error ? -r->value : r->value);
	done->delayed = r->delay_enter || r->delay_exit;
	if (r->delay_enter)
		task_delay_entry(t, r->delay_enter);
	if (r->delay_exit)
		task_delay_exit(t, r->delay_exit);
	if (r->signo)
		task_signal_after_call(t, r->signo);
	return r->signo || r->delay_exit;
}
