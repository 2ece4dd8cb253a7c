/* Diagnostics of fds and processes: registrations left behind by a close, shared instances. */
#ifndef EPOLLTRACE_MODEL_WATCH_FD_LIFE_H
#define EPOLLTRACE_MODEL_WATCH_FD_LIFE_H

#include "model/diag_report.h"
#include "model/list_changes.h"

/* tgid uses inst through epfd, and other (0: none) used it first and still holds it. */
void watch_shared(struct diag *d, struct ep_instance *inst, pid_t other, pid_t tgid, int epfd);
/* A close left a registration behind: its file lives on elsewhere. */
void watch_left_behind(struct diag *d, const struct left_behind *lb);

#endif
