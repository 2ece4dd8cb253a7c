/* The names of si_code values: generic ones, and each signal's own. */
#ifndef EPOLLTRACE_DECODE_SIGINFO_CODES_H
#define EPOLLTRACE_DECODE_SIGINFO_CODES_H

#include "decode/xlat.h"

extern const struct xlat si_codes_generic_xlat;
extern const struct xlat sigill_codes_xlat;
extern const struct xlat sigfpe_codes_xlat;
extern const struct xlat sigsegv_codes_xlat;
extern const struct xlat sigbus_codes_xlat;
extern const struct xlat sigtrap_codes_xlat;
extern const struct xlat sigchld_codes_xlat;
extern const struct xlat sigpoll_codes_xlat;
extern const struct xlat sigsys_codes_xlat;
extern const struct xlat audit_arch_xlat;

#endif
