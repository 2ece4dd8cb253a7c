#include <inttypes.h>
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

void decode_retval(struct strbuf *out, const struct syscall_call *call)
{
	if (!call->is_error) {
		sb_printf(out, "= %" PRId64, call->rval);
		if (call->desc->roles.epfd_result)
			print_fd_name(out, call, (uint64_t) call->rval);
		return;
	}
	uint64_t err = 0 - (uint64_t) call->rval;
	const char *name = errno_name(err);
	const char *restart = xlat_lookup(&restart_messages_xlat, err);
	if (restart) {
		sb_printf(out, "= ? %s (%s)", name, restart);
		return;
	}
	const char *message = strerror((int) err);
	if (name)
		sb_printf(out, "= -1 %s (%s)", name, message);
	else
		sb_printf(out, "= -1 ERRNO_%" PRIu64 " (%s)", err, message);
}
