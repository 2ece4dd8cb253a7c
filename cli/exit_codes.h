/*
 * epolltrace's own failures, distinct from each other; the sysexits(3)
 * values keep them apart from most commands' statuses.  A traced command's
 * status is passed through unchanged.
 */
#ifndef EPOLLTRACE_CLI_EXIT_CODES_H
#define EPOLLTRACE_CLI_EXIT_CODES_H

enum exit_code {
	EXIT_USAGE = 64,	/* bad option or argument */
	EXIT_SELF = 65,		/* -p names epolltrace itself */
	EXIT_NO_TARGET = 66,	/* a PID that does not exist */
	EXIT_ZOMBIE = 69,	/* -p names a zombie */
	EXIT_INTERNAL = 70,	/* the tracer itself failed */
	EXIT_OS = 71,		/* the system refused: fork, seccomp, ptrace */
	EXIT_OUTPUT = 73,	/* the output file cannot be created */
	EXIT_TRACE_LOST = 74,	/* writing the trace failed */
	EXIT_ALREADY_TRACED = 75,	/* another tracer has it: try again later */
	EXIT_NO_PERMISSION = 77,	/* not allowed to trace */
	EXIT_NO_BPF = 78,	/* --backend=bpf cannot run here */
	EXIT_NOT_EXECUTABLE = 126,	/* as the shell: found, cannot run */
	EXIT_NOT_FOUND = 127,	/* as the shell: no such command */
};

#endif
