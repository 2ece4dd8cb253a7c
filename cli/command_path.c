#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/command_path.h"

static bool runnable(const char *path, int *why)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		*why = errno;
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*why = EACCES;
		return false;
	}
	if (access(path, X_OK) < 0) {
		*why = errno;
		return false;
	}
	return true;
}

char *command_path(const char *name)
{
	int why = ENOENT;
	/* PATH's directories would be tried as files; the shell finds nothing. */
	if (!*name) {
		errno = ENOENT;
		return NULL;
	}
	if (strchr(name, '/')) {
		if (runnable(name, &why))
			return strdup(name);
		errno = why;
		return NULL;
	}
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	/* As execvp: a found but forbidden file is reported if nothing better turns up. */
	int found_errno = ENOENT;
	while (*path) {
		size_t dirlen = strcspn(path, ":");
		char *candidate;
		if (asprintf(&candidate, "%.*s%s%s", (int) dirlen, path,
			     dirlen ? "/" : "", name) < 0)
			abort();
		if (runnable(candidate, &why))
			return candidate;
		if (why == EACCES)
			found_errno = EACCES;
		free(candidate);
		path += dirlen;
		if (*path == ':')
			path++;
	}
	errno = found_errno;
	return NULL;
}
