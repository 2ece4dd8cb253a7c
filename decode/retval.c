#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "decode/decoder.h"
#include "decode/errnos.h"
#include "decode/int_arg.h"
#include "decode/xlat.h"

/*
 * A call interrupted by a signal returns one of these only to the tracer:
 * the tracee sees a restart or EINTR, so strace prints no -1, and its own
 * messages, as libc has none.
 */
static const struct xlat_entry restart_messages[] = {
	{ 512, "To be restarted if SA_RESTART is set" },
	{ 513, "To be restarted" },
	{ 514, "To be restarted if no handler" },
	{ 516, "Interrupted by signal" },
};
static const struct xlat restart_messages_xlat = XLAT_OF(restart_messages);

void emit_retval(struct emitter *em, const struct syscall_call *call)
{
	if (!call->is_error) {
		emit_result(em, &(struct emit_result) { .has_value = true, .value = call->rval });
		if (call->desc->roles.epfd_result)
			emit_fd_name(em, call, (uint64_t) call->rval);
		return;
	}
	uint64_t err = 0 - (uint64_t) call->rval;
	char unknown[32];
	const char *name = errno_name(err);
	if (!name) {
		snprintf(unknown, sizeof(unknown), "ERRNO_%" PRIu64, err);
		name = unknown;
	}
	const char *restart = xlat_lookup(&restart_messages_xlat, err);
	struct emit_result r = {
		.has_value = !restart,
		.value = -1,
		.error = name,
		.message = restart ? restart : strerror((int) err),
	};
	emit_result(em, &r);
}
