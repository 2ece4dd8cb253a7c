/*
 * bounded_read hands a read's result from its thread to the caller.  Built
 * with ThreadSanitizer where configure found that it runs: a data race in
 * that hand-over ends the run with TSan's report and a failing status.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/tap.h"
#include "trace/bounded_read.h"

#if defined(__SANITIZE_THREAD__)
# define UNDER_TSAN 1
#elif defined(__has_feature)
# if __has_feature(thread_sanitizer)
#  define UNDER_TSAN 1
# endif
#endif

#define ROUNDS 200

static unsigned char source[256];

int main(void)
{
	for (size_t i = 0; i < sizeof(source); i++)
		source[i] = (unsigned char) i;
	bool whole = true;
	for (int i = 0; i < ROUNDS && whole; i++) {
		unsigned char got[sizeof(source)];
		ssize_t n = bounded_read(getpid(), (uintptr_t) source, got, sizeof(got), 60000);
		whole = n == (ssize_t) sizeof(got) && memcmp(got, source, sizeof(got)) == 0;
	}
	tap_is(whole ? "whole" : "not whole", "whole", "%d reads of its own memory, each whole", ROUNDS);

	unsigned char got[8];
	errno = 0;
	ssize_t n = bounded_read(getpid(), 8, got, sizeof(got), 60000);
	tap_is(n == -1 && errno == EFAULT ? "-1 EFAULT" : "other", "-1 EFAULT",
	       "an unmapped address: -1, with the reading thread's errno");
#ifdef UNDER_TSAN
	tap_is("", "", "under ThreadSanitizer: any race would be reported at exit");
#else
	tap_skip("not built with ThreadSanitizer (configure found none that runs)");
#endif
	return tap_done();
}
