/* The command line, read into the settings of a session. */
#ifndef EPOLLTRACE_CLI_PARSE_OPTIONS_H
#define EPOLLTRACE_CLI_PARSE_OPTIONS_H

#include "app/options.h"

/* Parses argv; prints a message and exits on a usage error, -h and -V. */
void options_parse(struct options *o, int argc, char **argv);

#endif
