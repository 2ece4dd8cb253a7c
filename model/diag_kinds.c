#include "model/diag_kinds.h"

const struct diag_kind_info diag_kinds[DIAG_NKINDS] = {
	[DIAG_CTL_EEXIST] = { "ctl-eexist",
		"The loop's record of what it registered has drifted from the kernel's: "
		"change a registration with EPOLL_CTL_MOD, or find where its DEL was lost" },
	[DIAG_CTL_ENOENT] = { "ctl-enoent",
		"The loop believes the fd is registered, but the instance does not have it "
		"(never added, already deleted, or closed): keep one record of registrations "
		"and update it on ADD, DEL and close" },
	[DIAG_CLOSED_WHILE_REGISTERED] = { "closed-while-registered",
		"epoll keys a registration on the open file, so it outlives this close and "
		"keeps reporting events for a number the program no longer owns: "
		"EPOLL_CTL_DEL the fd before closing it" },
	[DIAG_STALE_EVENT] = { "stale-event",
		"The event belongs to a registration the program has deleted or whose fd it "
		"closed, and acting on it reaches the wrong file or freed memory: "
		"DEL before close, and drop events of fds closed earlier in the same batch" },
	[DIAG_ONESHOT_NOT_REARMED] = { "oneshot-not-rearmed",
		"An EPOLLONESHOT registration stays disabled after it fires, so the fd gets "
		"no further events and its connection hangs: re-arm it with EPOLL_CTL_MOD "
		"on every path that handles the event" },
	[DIAG_ET_BLOCKING_FD] = { "et-blocking-fd",
		"Edge-triggered readiness must be drained until EAGAIN, and on a blocking fd "
		"the last read blocks the whole loop instead: set O_NONBLOCK on the fd" },
	[DIAG_LEVEL_NOT_CONSUMED] = { "level-not-consumed",
		"A level-triggered condition nobody clears is reported on every wait and "
		"makes the loop spin: handle EPOLLHUP/EPOLLERR by closing or deleting the "
		"fd, and register EPOLLOUT only while there is something to write" },
	[DIAG_SPIN_LOOP] = { "spin-loop",
		"Polling with a zero timeout while nothing is ready burns a CPU: block with "
		"a timeout until the next timer is due" },
	[DIAG_MAXEVENTS_SATURATED] = { "maxevents-saturated",
		"Every wait fills the whole array, so more fds are ready than one batch "
		"holds and those beyond it wait: pass a larger maxevents" },
	[DIAG_THUNDERING_HERD] = { "thundering-herd",
		"Threads waiting on one level-triggered instance are all woken by the same "
		"event, and all but one find nothing to do: give each thread its own "
		"instance, or register with EPOLLET, EPOLLONESHOT or EPOLLEXCLUSIVE" },
	[DIAG_SHARED_ACROSS_FORK] = { "shared-across-fork",
		"A forked child shares its parent's interest list, so each process's "
		"registrations wake and change the other's loop: create the instance with "
		"EPOLL_CLOEXEC, and make a new one in the child" },
	[DIAG_EPERM_UNPOLLABLE] = { "eperm-unpollable",
		"Regular files and directories are always ready and cannot be polled: "
		"read them directly, and check what kind of file an fd is before "
		"registering it" },
	[DIAG_EXCLUSIVE_MISUSE] = { "exclusive-misuse",
		"EPOLLEXCLUSIVE is accepted only by EPOLL_CTL_ADD, only with EPOLLIN, "
		"EPOLLOUT, EPOLLET and EPOLLWAKEUP, and not for epoll fds: DEL and ADD "
		"again instead of MOD, and drop the other flags" },
	[DIAG_NESTED_LOOP] = { "nested-loop",
		"epoll instances may be nested only a few levels deep and never in a "
		"cycle: wait on the inner instances' fds from one instance instead" },
	[DIAG_LOOP_BLOCKED] = { "loop-blocked",
		"While a loop's thread does not wait, none of its fds is served: make "
		"handlers non-blocking (O_NONBLOCK fds, no sleeps, short lock holds), and "
		"move long computations and blocking calls to worker threads" },
};
