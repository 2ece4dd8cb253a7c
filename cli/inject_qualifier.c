/*
 * -e inject=SET:TOKEN[:TOKEN...] and -e fault=SET[:error=E][:when=W],
 * read as strace reads them, into one rule per syscall of SET (a later
 * rule for a syscall replaces an earlier one, as in strace).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exit_codes.h"
#include "cli/qualifiers.h"
#include "decode/errnos.h"

/* The largest errno a call can return: the kernel's MAX_ERRNO. */
#define ERRNO_MAX 4095

static _Noreturn void bad(const char *what, const char *token, const char *why)
{
	fprintf(stderr, "epolltrace: invalid -e %s= token '%s': %s\n", what, token, why);
	exit(EXIT_USAGE);
}

/* A whole number from min to max, or -1. */
static long number_in(const char *s, const char **end, long min, long max)
{
	char *e;
	errno = 0;
	long v = strtol(s, &e, 10);
	*end = e;
	if (errno || e == s || v < min || v > max)
		return -1;
	return v;
}

/* when=FIRST, FIRST+, FIRST+STEP, FIRST..LAST, FIRST..LAST+STEP (at most 65535). */
static void parse_when(struct inject_rule *r, const char *token, const char *what)
{
	static const char why[] = "give N, N+, N+S, N..M or N..M+S with numbers from 1 to 65535";
	const char *p = token + strlen("when="), *end;
	long first = number_in(p, &end, 1, INJECT_LAST_NONE - 1);
	if (first < 0)
		bad(what, token, why);
	long last = INJECT_LAST_NONE, step;
	if (strncmp(end, "..", 2) == 0) {
		last = number_in(end + 2, &end, first, INJECT_LAST_NONE - 1);
		if (last < 0)
			bad(what, token, why);
	}
	if (*end == '+' && end[1]) {
		step = number_in(end + 1, &end, 1, INJECT_LAST_NONE);
		if (step < 0 || *end)
			bad(what, token, why);
	} else if (*end == '+' || last != INJECT_LAST_NONE) {
		if (*end == '+')
			end++;
		if (*end)
			bad(what, token, why);
		step = 1;
	} else {
		if (*end)
			bad(what, token, why);
		step = 0;	/* N: that call only */
	}
	r->first = (uint16_t) first;
	r->last = (uint16_t) last;
	r->step = (uint16_t) step;
}

static void parse_error(struct inject_rule *r, const char *token, const char *what)
{
	const char *name = token + strlen("error="), *end;
	long err = number_in(name, &end, 1, ERRNO_MAX);
	if (err < 0 || *end)
		err = errno_by_name(name);
	if (err < 0)
		bad(what, token, "give an errno name (EINTR) or a number from 1 to 4095");
	r->error = true;
	r->value = err;
}

static void parse_retval(struct inject_rule *r, const char *token, const char *what)
{
	const char *p = token + strlen("retval=");
	char *end;
	errno = 0;
	unsigned long long v = strtoull(p, &end, 0);
	if (errno || end == p || *end || *p == '-')
		bad(what, token, "give a number from 0 up");
	r->retval = true;
	r->value = (int64_t) v;
}

/* delay_enter=, delay_exit=: microseconds, or with a unit: 2s, 50ms, 10us, 1000ns. */
static unsigned int parse_delay(const char *token, const char *what)
{
	static const struct {
		const char *unit;
		uint64_t ns;
	} units[] = { { "", 1000 }, { "us", 1000 }, { "ms", 1000000 }, { "s", 1000000000 }, { "ns", 1 } };
	const char *p = strchr(token, '=') + 1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(p, &end, 10);
	if (!errno && end != p && *p != '-') {
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			if (strcmp(end, units[i].unit) != 0)
				continue;
			uint64_t usec = (v * units[i].ns + 999) / 1000;
			if (v <= UINT32_MAX && usec >= 1 && usec <= 3600000000ULL)
				return (unsigned int) usec;
		}
	}
	bad(what, token, "give a time from 1 us to 1 hour: microseconds, or with s, ms, us or ns");
}

static bool starts(const char *token, const char *prefix)
{
	return strncmp(token, prefix, strlen(prefix)) == 0;
}

static void parse_token(struct inject_rule *r, const char *token, bool fault)
{
	const char *what = fault ? "fault" : "inject";
	if (starts(token, "when="))
		parse_when(r, token, what);
	else if (starts(token, "error="))
		parse_error(r, token, what);
	else if (!fault && starts(token, "retval="))
		parse_retval(r, token, what);
	else if (!fault && starts(token, "signal="))
		r->signo = parse_signal(token + strlen("signal="));
	else if (!fault && starts(token, "delay_enter="))
		r->delay_enter = parse_delay(token, what);
	else if (!fault && starts(token, "delay_exit="))
		r->delay_exit = parse_delay(token, what);
	else if (!fault && (starts(token, "poke_enter=") || starts(token, "poke_exit=") ||
			    starts(token, "syscall=")))
		bad(what, token, "epolltrace does not change a call's memory or number: give error=, retval= or signal=");
	else
		bad(what, token, fault ? "give error= or when="
				       : "give error=, retval=, signal=, delay_enter=, delay_exit= or when=");
}

static void qualify_tamper(struct options *o, const char *value, bool fault)
{
	const char *what = fault ? "fault" : "inject";
	char *copy = strdup(value);
	if (!copy)
		abort();
	char *colon = strchr(copy, ':');
	if (colon)
		*colon = '\0';
	bool set[NSYSCALL_DECODERS];
	parse_syscall_set(copy, set, what);
	struct inject_rule r = { .on = true, .first = 1, .last = INJECT_LAST_NONE, .step = 1 };
	char *save = NULL;
	for (char *t = colon ? strtok_r(colon + 1, ":", &save) : NULL; t; t = strtok_r(NULL, ":", &save))
		parse_token(&r, t, fault);
	free(copy);
	if (r.error && r.retval) {
		fprintf(stderr, "epolltrace: -e %s=: error= and retval= cannot be given together: a call either fails or returns\n",
			what);
		exit(EXIT_USAGE);
	}
	if (fault && !r.error) {
		r.error = true;
		r.value = ENOSYS;
	}
	if (!r.error && !r.retval && !r.signo && !r.delay_enter && !r.delay_exit) {
		fprintf(stderr, "epolltrace: -e inject=%s: say what to inject: error=, retval=, signal=, delay_enter= or delay_exit=\n",
			value);
		exit(EXIT_USAGE);
	}
	for (size_t i = 0; i < nsyscall_descs; i++)
		if (set[i])
			o->inject[i] = r;
	o->injecting = true;
}

void qualify_inject(struct options *o, const char *value, struct qualifiers_seen *seen)
{
	(void) seen;
	qualify_tamper(o, value, false);
}

void qualify_fault(struct options *o, const char *value, struct qualifiers_seen *seen)
{
	(void) seen;
	qualify_tamper(o, value, true);
}
