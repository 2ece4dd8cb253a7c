/*
 * What a model is made of, for the files that take the calls of
 * epoll_model.h: the state, which changes as the calls say, and the
 * diagnostics, which watch it.
 */
#ifndef EPOLLTRACE_MODEL_MODEL_PARTS_H
#define EPOLLTRACE_MODEL_MODEL_PARTS_H

#include "model/diag_report.h"
#include "model/processes.h"

struct model {
	struct model_config cfg;
	struct model_output out;
	struct model_state st;
	struct diag diag;
};

/* Whether the diagnostics watch tgid's calls: --diagnose, and none of its calls lost unread. */
bool model_watches(const struct model *m, pid_t tgid);

#endif
