/*
 * Prints the attach header of a running process, as epolltrace -p will,
 * for tests/e2e/interest-header.sh: interest-dump PID.
 */
#include <stdio.h>
#include <stdlib.h>

#include "output/interest_header.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: interest-dump PID\n", stderr);
		return 2;
	}
	struct strbuf out = STRBUF_INIT;
	interest_header_print(&out, (pid_t) atoi(argv[1]));
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	return 0;
}
