#include "cli/usage.h"

void print_usage(FILE *out)
{
	fputs(
"Usage: epolltrace [OPTIONS] [--] COMMAND [ARGS...]\n"
"       epolltrace [OPTIONS] -p PID[,PID...] [-p PID...]\n"
"Run COMMAND, or attach to running processes, and print their epoll system\n"
"calls, decoded as strace does.  A started command stops only at its epoll\n"
"calls; everything else runs at full speed.\n"
"\n"
"Output:\n"
"  -o, --output=FILE       write the trace to FILE instead of stderr\n"
"  -a, --columns=N         align return values at column N (default 40)\n"
"  -s, --string-limit=N    print at most N array elements (default 32)\n"
"  -v, --no-abbrev         print every array element\n"
"  -q, --quiet             hide attach and 32/64-bit mode messages; -qq also\n"
"                          exit statuses; -qqq also execve supersession\n"
"\n"
"Timing:\n"
"  -t, -tt, -ttt           prefix each line with the time of day, with\n"
"                          microseconds, or as seconds since the epoch\n"
"  -r                      prefix each line with the time since the previous one\n"
"  -T                      show the time spent in each call (for a wait, how\n"
"                          long the loop was blocked)\n"
"\n"
"Filtering:\n"
"  -e trace=[!]LIST, --trace=[!]LIST\n"
"                          trace only (or all but) these calls: epoll_create,\n"
"                          epoll_create1, epoll_ctl, epoll_wait, epoll_pwait,\n"
"                          epoll_pwait2, ioctl (EPIOCSPARAMS, EPIOCGPARAMS), all\n"
"  -z, -Z                  only calls that succeeded, or only those that failed\n"
"  --epfd=N[,N]            only calls on these epoll instances\n"
"  --fd=N[,N]              only epoll_ctl of these fds, and waits that returned\n"
"                          an event whose data holds one of them\n"
"  --op=add,mod,del        only epoll_ctl calls with these operations\n"
"\n"
"Attaching:\n"
"  -p, --attach=PID[,PID]  trace these running processes, all their threads,\n"
"                          and what they start; their epoll interest lists are\n"
"                          printed first.  Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT)\n"
"                          detaches and leaves them running\n"
"\n"
"Performance:\n"
"  --spin=USEC             poll for the next stop this long before sleeping\n"
"                          (default 100): faster tracing for some CPU time;\n"
"                          0 turns it off\n"
"\n"
"Other:\n"
"  -f, --follow-forks      accepted for strace compatibility: threads and\n"
"                          children are always followed\n"
"  -h, --help              print this help\n"
"  -V, --version           print the version\n"
"\n"
"epolltrace exits with COMMAND's exit status; with -p, with 0 once every traced\n"
"process has ended or been detached. See epolltrace(1).\n",
	      out);
}

void print_version(FILE *out)
{
	fputs("epolltrace " PACKAGE_VERSION "\n", out);
}
