/*
 * A small event loop to try epolltrace on: a pipe and an eventfd, a
 * writer thread, and a loop that reads whatever is ready until "quit".
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int pipefd[2];
static int wakeup;

static void *writer(void *arg)
{
	(void) arg;
	static const char *const messages[] = { "hello", "world", "quit" };
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		uint64_t one = 1;
		if (write(pipefd[1], messages[i], strlen(messages[i])) < 0 ||
		    write(wakeup, &one, sizeof(one)) < 0)
			return NULL;
		usleep(1000);
	}
	return NULL;
}

int main(void)
{
	if (pipe(pipefd) < 0 || (wakeup = eventfd(0, EFD_NONBLOCK)) < 0) {
		perror("tiny_loop");
		return 1;
	}
	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = pipefd[0] };
	epoll_ctl(ep, EPOLL_CTL_ADD, pipefd[0], &ev);
	ev = (struct epoll_event) { .events = EPOLLIN | EPOLLET, .data.fd = wakeup };
	epoll_ctl(ep, EPOLL_CTL_ADD, wakeup, &ev);

	pthread_t thread;
	pthread_create(&thread, NULL, writer, NULL);
	for (int done = 0; !done;) {
		struct epoll_event ready[4];
		int n = epoll_wait(ep, ready, 4, 1000);
		for (int i = 0; i < n; i++) {
			char buf[64];
			uint64_t count;
			if (ready[i].data.fd == wakeup) {
				while (read(wakeup, &count, sizeof(count)) > 0)
					;
				continue;
			}
			ssize_t len = read(pipefd[0], buf, sizeof(buf) - 1);
			if (len <= 0)
				continue;
			buf[len] = '\0';
			done = strstr(buf, "quit") != NULL;
		}
	}
	pthread_join(thread, NULL);
	epoll_ctl(ep, EPOLL_CTL_DEL, pipefd[0], NULL);
	close(ep);
	return 0;
}
