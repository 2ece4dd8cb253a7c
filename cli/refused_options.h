/* strace's options that epolltrace refuses, each with what it does instead. */
#ifndef EPOLLTRACE_CLI_REFUSED_OPTIONS_H
#define EPOLLTRACE_CLI_REFUSED_OPTIONS_H

#include <stddef.h>

/*
 * If letter (or the long option name, name_len bytes of "--name...") is one
 * of strace's, says why epolltrace refuses it and what to use instead, and
 * exits with a usage error; returns otherwise.
 */
void refuse_strace_option(int letter, const char *name, size_t name_len);

#endif
