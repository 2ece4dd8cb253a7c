/* epoll_ctl failures, explained from what the model knows of the fd. */
#ifndef EPOLLTRACE_MODEL_WATCH_CTL_H
#define EPOLLTRACE_MODEL_WATCH_CTL_H

#include "model/diag_report.h"

/* Whether c is how a loop recovers from the failure w holds (ADD, EEXIST, then MOD). */
bool watch_ctl_recovers(const struct pending_warning *w, const struct ep_instance *inst,
			const struct model_ctl *c);
/* c failed: a warning now, or one held for the thread's next call. */
void watch_ctl_failed(struct diag *d, struct diag_thread *th, const struct ep_instance *inst,
		      const struct model_ctl *c);

#endif
