/* Whole /proc files as text, for the parsers of model/. */
#ifndef EPOLLTRACE_PROCFS_PROC_TEXT_H
#define EPOLLTRACE_PROCFS_PROC_TEXT_H

#include <stdbool.h>

#include "util/strbuf.h"

/*
 * Reads the file at path to its end into out (replacing its text); false,
 * with errno set, when it cannot be opened or read, as when the process or
 * the fd it names has gone.
 */
bool proc_text_read(const char *path, struct strbuf *out);

#endif
