/* The emitter of JSON: the --json form of what the decoders find. */
#ifndef EPOLLTRACE_EMIT_EMIT_JSON_H
#define EPOLLTRACE_EMIT_EMIT_JSON_H

#include "decode/emitter.h"

/*
 * Appends to out, which must get one value (an object, to which fields
 * are added).  Arguments are an object of named values; flags and sets
 * are lists of names; bit patterns and addresses are strings "0x..."
 * (JSON numbers lose 64-bit precision); an unnamed constant is its value
 * as such a string; comments are left out; fd names are collected in
 * names (when not NULL) for emit_json_fd_names, since fds are integers.
 */
void emitter_json_init(struct emitter *em, struct strbuf *out, struct emit_names *names);

/*
 * "fd_names":{"3":"anon_inode:[eventpoll]",...}, the fds named since
 * names was reset, as the next field of the innermost object; nothing
 * when none was.
 */
void emit_json_fd_names(struct emitter *em);

#endif
