#ifndef EPOLLTRACE_CLI_OUTPUT_FILE_H
#define EPOLLTRACE_CLI_OUTPUT_FILE_H

#include <stdio.h>

/*
 * Opens -o's file, close-on-exec so that the command does not inherit it;
 * NULL means stderr.  Returns NULL with errno set on failure.
 */
FILE *output_open(const char *path);

#endif
