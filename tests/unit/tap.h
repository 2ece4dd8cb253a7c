/* A minimal TAP producer for the unit tests. */
#ifndef EPOLLTRACE_TESTS_UNIT_TAP_H
#define EPOLLTRACE_TESTS_UNIT_TAP_H

/* One check: ok when got and expected are the same string. */
void tap_is(const char *got, const char *expected, const char *what, ...)
	__attribute__((format(printf, 3, 4)));

/* One check that cannot be made here, and why. */
void tap_skip(const char *why);

/* Prints the plan; the exit status of main. */
int tap_done(void);

#endif
