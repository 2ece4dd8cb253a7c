/* The emitter of strace's text: what every decoder printed before JSON came. */
#ifndef EPOLLTRACE_EMIT_EMIT_TEXT_H
#define EPOLLTRACE_EMIT_EMIT_TEXT_H

#include "decode/emitter.h"

/*
 * Appends to out; its top level is a call's arguments, separated by
 * ", " (a single value shows alone).  fd names go inline: "5<pipe:[7]>".
 */
void emitter_text_init(struct emitter *em, struct strbuf *out);

#endif
