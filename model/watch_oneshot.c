#include "decode/epoll_event.h"
#include "emit/text_values.h"
#include "model/watch_oneshot.h"

void watch_oneshot(struct diag *d, struct ep_instance *inst, pid_t tgid, int epfd, bool at_end,
		   int64_t now)
{
	if (!inst->ndisarmed)
		return;
	int64_t limit_ns = (int64_t) d->cfg->oneshot_ms * 1000000;
	for (size_t i = 0; i < inst->n; i++) {
		struct ep_entry *e = inst->entries[i];
		if (!e->disarmed || e->watch.oneshot_warned == e->firings || e->ghost)
			continue;
		uint64_t waits = inst->wait_starts - e->disarm_wait;
		bool long_ago = now - e->disarm_ns >= limit_ns && waits > 0;
		if (waits <= d->cfg->oneshot_waits && !long_ago)
			continue;
		if (at_end && !long_ago)
			continue;
		struct strbuf ev = STRBUF_INIT;
		sb_printf(&ev, "fd %d (registered with ", e->tfd);
		print_epoll_events(&ev, e->armed_events ? e->armed_events : e->events);
		sb_puts(&ev, ", data=");
		print_epoll_data(&ev, e->data);
		sb_puts(&ev, e->armed_events ? ") fired " : ") was found disarmed ");
		print_when(&ev, e->disarm_ns);
		sb_printf(&ev, " and was not re-armed with EPOLL_CTL_MOD in the %llu wait%s since",
			  (unsigned long long) waits, waits == 1 ? "" : "s");
		diag_report(d, DIAG_ONESHOT_NOT_REARMED, inst, tgid, epfd, e->tfd, sb_str(&ev));
		sb_free(&ev);
		/* One warning per firing: a new one needs a re-arm and another event. */
		e->watch.oneshot_warned = e->firings;
	}
}
