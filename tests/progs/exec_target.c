/*
 * What exec_chain executes: one epoll round trip in the new program image,
 * then exit with the status given as argv[1], which must reach epolltrace.
 */
#include <stdlib.h>

#include "child_epoll.h"

int main(int argc, char *argv[])
{
	EXPECT_TRUE(argc == 2);
	epoll_round_trip(0xe7ec);
	return atoi(argv[1]);
}
