/* --json: the summary at the end of the trace, as one object. */
#ifndef EPOLLTRACE_OUTPUT_SUMMARY_JSON_H
#define EPOLLTRACE_OUTPUT_SUMMARY_JSON_H

#include "output/trace_output.h"

/*
 * With -c or -C: {"type":"summary","syscalls":[...],"total":{...},
 * "epoll":{...}}; with --diagnose also (or only) "diagnostics":[...].
 * Nothing without any of them.
 */
void summary_json_print(struct printer *p, const struct run_summary *r);

#endif
