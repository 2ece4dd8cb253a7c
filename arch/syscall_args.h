/* How many arguments each syscall of arch/syscalls.csv takes. */
#ifndef EPOLLTRACE_ARCH_SYSCALL_ARGS_H
#define EPOLLTRACE_ARCH_SYSCALL_ARGS_H

/*
 * The arguments the kernel gives the named syscall, as many as its
 * tracepoints' records hold; -1 when the table has no such row.
 */
int syscall_nargs(const char *name);

#endif
