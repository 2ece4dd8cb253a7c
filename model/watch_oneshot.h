/*
 * oneshot-not-rearmed: a fired EPOLLONESHOT registration left disarmed
 * for many waits or long while the loop goes on, or when it ends.
 */
#ifndef EPOLLTRACE_MODEL_WATCH_ONESHOT_H
#define EPOLLTRACE_MODEL_WATCH_ONESHOT_H

#include "model/diag_report.h"

/* at_end: the loop is over, and only a registration disarmed long ago counts. */
void watch_oneshot(struct diag *d, struct ep_instance *inst, pid_t tgid, int epfd, bool at_end,
		   int64_t now);

#endif
