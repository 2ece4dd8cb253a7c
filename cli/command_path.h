#ifndef EPOLLTRACE_CLI_COMMAND_PATH_H
#define EPOLLTRACE_CLI_COMMAND_PATH_H

/*
 * Finds the file the shell would run for name, searching PATH when name
 * has no slash.  Returns a malloc'd path, or NULL with errno set: ENOENT
 * when nothing is found, EACCES when nothing found may be executed.
 */
char *command_path(const char *name);

#endif
