/*
 * Decoded values as strace's text, for code that writes lines of its own:
 * the diagnostics, the attach header, the summary, signal lines.
 */
#ifndef EPOLLTRACE_EMIT_TEXT_VALUES_H
#define EPOLLTRACE_EMIT_TEXT_VALUES_H

#include <signal.h>
#include <stdint.h>

#include "decode/xlat.h"
#include "util/strbuf.h"

void print_epoll_events(struct strbuf *out, uint32_t events);
void print_epoll_data(struct strbuf *out, uint64_t data);
void print_xval(struct strbuf *out, const struct xlat *x, uint64_t val,
		const char *dflt);
void print_siginfo(struct strbuf *out, const siginfo_t *si, enum const_style style);
/* A signal set of len bytes, lowest signal first: "[USR1 RT_2]". */
void print_sigmask(struct strbuf *out, const uint8_t *mask, size_t len);

#endif
