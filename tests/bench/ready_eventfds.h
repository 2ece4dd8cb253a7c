/*
 * Many readable eventfds in one epoll instance: the wide waits and the
 * peak-memory workload both need a large, ready interest list.
 */
#ifndef EPOLLTRACE_BENCH_READY_EVENTFDS_H
#define EPOLLTRACE_BENCH_READY_EVENTFDS_H

/*
 * Returns a new epoll instance with n eventfds registered, level-triggered
 * for EPOLLIN with data = fd, each with a count of 1 that nobody reads, so
 * every wait reports all of them (up to maxevents).
 */
int ready_eventfds(long n);

#endif
