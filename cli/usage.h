#ifndef EPOLLTRACE_CLI_USAGE_H
#define EPOLLTRACE_CLI_USAGE_H

#include <stdio.h>

void print_usage(FILE *out);
void print_version(FILE *out);

#endif
