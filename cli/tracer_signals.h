/* How epolltrace itself reacts to signals while a command runs under it. */
#ifndef EPOLLTRACE_CLI_TRACER_SIGNALS_H
#define EPOLLTRACE_CLI_TRACER_SIGNALS_H

#include <sys/types.h>

void tracer_signals_install(void);
/* Where SIGTERM and SIGHUP are forwarded from now on. */
void tracer_signals_set_command(pid_t pid);
/*
 * A traced task entered a group-stop: if the terminal asked us to stop
 * too (Ctrl-Z), stop now, after the command, so that after "fg" both go on.
 */
void tracer_signals_follow_stop(void);

#endif
