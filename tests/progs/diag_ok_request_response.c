/*
 * No epolltrace --diagnose warning: a request/response server over pipes
 * with 2 connections, each a client thread that sends 100 requests, one
 * at a time, and checks each response.  The server (main) watches each
 * request pipe for EPOLLIN; each response pipe is registered with no
 * events and asks for EPOLLOUT (EPOLL_CTL_MOD) only while a response waits
 * to be written.  When a client closes its request pipe the server
 * removes both of its fds (EPOLL_CTL_DEL) and closes them.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* pipe2 */
#endif
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>

#include "diag_loop.h"

#define CONNS 2
#define REQUESTS 100
#define MSG 16

struct conn {
	int req[2];	/* client -> server */
	int resp[2];	/* server -> client */
	char pending[MSG];
	int has_pending;
	int open;
	pthread_t client;
};

static void *client(void *arg)
{
	struct conn *c = arg;
	for (int i = 0; i < REQUESTS; i++) {
		char msg[MSG], want[MSG], got[MSG];
		snprintf(msg, sizeof(msg), "req %d", i);
		snprintf(want, sizeof(want), "resp %d", i);
		EXPECT_RET(MSG, write(c->req[1], msg, MSG));
		EXPECT_RET(MSG, read(c->resp[0], got, MSG));
		EXPECT_TRUE(strcmp(got, want) == 0);
	}
	EXPECT_RET(0, close(c->req[1]));
	return NULL;
}

static void set_interest(int ep, int op, int fd, uint32_t events)
{
	struct epoll_event ev = epoll_ev(events, fd);
	EXPECT_RET(0, sys_epoll_ctl(ep, op, fd, &ev));
}

int main(void)
{
	int ep = start_instance();
	struct conn conns[CONNS];
	for (int i = 0; i < CONNS; i++) {
		struct conn *c = &conns[i];
		EXPECT_RET(0, pipe2(c->req, O_CLOEXEC));
		EXPECT_RET(0, pipe2(c->resp, O_CLOEXEC));
		/* The server's ends never block. */
		EXPECT_RET(0, fcntl(c->req[0], F_SETFL, O_NONBLOCK));
		EXPECT_RET(0, fcntl(c->resp[1], F_SETFL, O_NONBLOCK));
		set_interest(ep, EPOLL_CTL_ADD, c->req[0], EPOLLIN);
		set_interest(ep, EPOLL_CTL_ADD, c->resp[1], 0);
		c->has_pending = 0;
		c->open = 1;
	}
	for (int i = 0; i < CONNS; i++)
		EXPECT_RET(0, pthread_create(&conns[i].client, NULL, client, &conns[i]));

	int open_conns = CONNS, served = 0;
	while (open_conns > 0) {
		struct epoll_event out[2 * CONNS];
		int n = EXPECT_OK(sys_epoll_wait(ep, out, 2 * CONNS, 5000));
		EXPECT_TRUE(n > 0);
		for (int k = 0; k < n; k++) {
			int fd = out[k].data.fd;
			struct conn *c = NULL;
			for (int i = 0; i < CONNS; i++)
				if (conns[i].open && (fd == conns[i].req[0] || fd == conns[i].resp[1]))
					c = &conns[i];
			if (!c)
				continue;	/* closed earlier in this batch */
			if (fd == c->resp[1]) {
				EXPECT_TRUE(out[k].events == EPOLLOUT && c->has_pending);
				EXPECT_RET(MSG, write(c->resp[1], c->pending, MSG));
				c->has_pending = 0;
				set_interest(ep, EPOLL_CTL_MOD, c->resp[1], 0);
				continue;
			}
			char msg[MSG];
			long got = read(c->req[0], msg, MSG);
			if (got == 0) {	/* the client is done */
				EXPECT_TRUE(out[k].events & EPOLLHUP);
				EXPECT_TRUE(!c->has_pending);
				EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, c->req[0], NULL));
				EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, c->resp[1], NULL));
				EXPECT_RET(0, close(c->req[0]));
				EXPECT_RET(0, close(c->resp[1]));
				c->open = 0;
				open_conns--;
				continue;
			}
			EXPECT_RET(MSG, got);
			EXPECT_TRUE(out[k].events == EPOLLIN && !c->has_pending);
			int num;
			EXPECT_TRUE(sscanf(msg, "req %d", &num) == 1);
			snprintf(c->pending, sizeof(c->pending), "resp %d", num);
			c->has_pending = 1;
			set_interest(ep, EPOLL_CTL_MOD, c->resp[1], EPOLLOUT);
			served++;
		}
	}
	EXPECT_TRUE(served == CONNS * REQUESTS);
	for (int i = 0; i < CONNS; i++) {
		EXPECT_RET(0, pthread_join(conns[i].client, NULL));
		EXPECT_RET(0, close(conns[i].resp[0]));
	}
	EXPECT_RET(0, close(ep));
	return 0;
}
