#include <inttypes.h>

#include "arch/abi.h"
#include "decode/errnos.h"
#include "decode/fetch.h"
#include "decode/siginfo.h"
#include "decode/siginfo_codes.h"
#include "decode/signals.h"
#include "decode/ticks.h"

/* si_code values whose fields the printing depends on. */
#define CODE_USER 0
#define CODE_TIMER (-2)
#define CODE_SIGIO (-5)
#define CODE_TKILL (-6)
#define CODE_CLD_EXITED 1
#define CODE_POLL_MSG 3
#define CODE_SEGV_BNDERR 3
#define CODE_SEGV_PKUERR 4
#define CODE_BUS_MCEERR_AR 4
#define CODE_BUS_MCEERR_AO 5

static void print_ptr_field(struct strbuf *out, const char *name, const void *ptr)
{
	sb_printf(out, ", %s=", name);
	print_addr(out, (uint64_t) (uintptr_t) ptr);
}

static void print_source(struct strbuf *out, const siginfo_t *si)
{
	sb_printf(out, ", si_pid=%d, si_uid=", (int) si->si_pid);
	if (si->si_uid == (uid_t) -1)
		sb_puts(out, "-1");
	else
		sb_printf(out, "%u", (unsigned int) si->si_uid);
}

static void print_value(struct strbuf *out, const siginfo_t *si)
{
	sb_printf(out, ", si_int=%d", si->si_int);
	print_ptr_field(out, "si_ptr", si->si_ptr);
}

static void print_band_fd(struct strbuf *out, const siginfo_t *si)
{
	sb_printf(out, ", si_band=%ld, si_fd=%d", (long) si->si_band, si->si_fd);
}

/* Codes the kernel never sends: some process queued the signal. */
static void print_user_details(struct strbuf *out, const siginfo_t *si)
{
	if (si->si_code == CODE_USER || si->si_code == CODE_TKILL) {
		print_source(out, si);
	} else if (si->si_code == CODE_TIMER) {
		sb_printf(out, ", si_timerid=%#x, si_overrun=%d",
			  (unsigned int) si->si_timerid, si->si_overrun);
		print_value(out, si);
	} else if (si->si_code == CODE_SIGIO) {
		print_band_fd(out, si);
	} else {
		print_source(out, si);
		if (si->si_ptr)
			print_value(out, si);
	}
}

static void print_sigchld(struct strbuf *out, const siginfo_t *si)
{
	print_source(out, si);
	if (si->si_code == CODE_CLD_EXITED)
		sb_printf(out, ", si_status=%d", si->si_status);
	else
		sb_printf(out, ", si_status=%s", signal_name(si->si_status));
	sb_puts(out, ", si_utime=");
	print_clock_ticks(out, (uint64_t) si->si_utime);
	sb_puts(out, ", si_stime=");
	print_clock_ticks(out, (uint64_t) si->si_stime);
}

static void print_fault_addr(struct strbuf *out, const siginfo_t *si)
{
	print_ptr_field(out, "si_addr", si->si_addr);
}

static void print_sigsegv(struct strbuf *out, const siginfo_t *si)
{
	print_fault_addr(out, si);
	if (si->si_code == CODE_SEGV_BNDERR) {
		print_ptr_field(out, "si_lower", si->si_lower);
		print_ptr_field(out, "si_upper", si->si_upper);
	} else if (si->si_code == CODE_SEGV_PKUERR) {
		sb_printf(out, ", si_pkey=%u", (unsigned int) si->si_pkey);
	}
}

static void print_sigbus(struct strbuf *out, const siginfo_t *si)
{
	print_fault_addr(out, si);
	if (si->si_code == CODE_BUS_MCEERR_AR || si->si_code == CODE_BUS_MCEERR_AO)
		sb_printf(out, ", si_addr_lsb=%#x", (unsigned int) si->si_addr_lsb);
}

/* Only the codes that come with a descriptor have band and fd. */
static void print_sigpoll(struct strbuf *out, const siginfo_t *si)
{
	if (si->si_code >= 1 && si->si_code <= CODE_POLL_MSG)
		print_band_fd(out, si);
}

static void print_sigsys(struct strbuf *out, const siginfo_t *si)
{
	print_ptr_field(out, "si_call_addr", si->si_call_addr);
	const struct abi *abi = abi_by_audit_arch(si->si_arch);
	const char *name = abi ? abi_syscall_name(abi, (unsigned int) si->si_syscall) : NULL;
	if (name)
		sb_printf(out, ", si_syscall=__NR_%s", name);
	else
		sb_printf(out, ", si_syscall=%u", (unsigned int) si->si_syscall);
	sb_puts(out, ", si_arch=");
	print_xval(out, &audit_arch_xlat, si->si_arch, "AUDIT_ARCH_???");
}

static void print_other_kernel(struct strbuf *out, const siginfo_t *si)
{
	if (si->si_pid || si->si_uid)
		print_source(out, si);
	if (si->si_ptr)
		print_value(out, si);
}

/* What each signal's kernel-sent codes mean, and which fields they fill. */
struct signal_kind {
	int signo;
	const struct xlat *codes;
	void (*print_details)(struct strbuf *out, const siginfo_t *si);
};

static const struct signal_kind signal_kinds[] = {
	{ SIGCHLD, &sigchld_codes_xlat, print_sigchld },
	{ SIGILL, &sigill_codes_xlat, print_fault_addr },
	{ SIGFPE, &sigfpe_codes_xlat, print_fault_addr },
	{ SIGSEGV, &sigsegv_codes_xlat, print_sigsegv },
	{ SIGBUS, &sigbus_codes_xlat, print_sigbus },
	{ SIGTRAP, &sigtrap_codes_xlat, print_fault_addr },
	{ SIGIO, &sigpoll_codes_xlat, print_sigpoll },
	{ SIGSYS, &sigsys_codes_xlat, print_sigsys },
};

static const struct signal_kind *kind_of(int signo)
{
	for (size_t i = 0; i < sizeof(signal_kinds) / sizeof(signal_kinds[0]); i++)
		if (signal_kinds[i].signo == signo)
			return &signal_kinds[i];
	return NULL;
}

static void print_code(struct strbuf *out, const siginfo_t *si,
		       const struct signal_kind *kind)
{
	uint32_t code = (uint32_t) si->si_code;
	const char *name = xlat_lookup(&si_codes_generic_xlat, code);
	if (!name && kind)
		name = xlat_lookup(kind->codes, code);
	print_xlat_name(out, name, code, NULL);
}

static void print_errno_field(struct strbuf *out, int err)
{
	/* strace widens si_errno as a signed value and prints it unsigned. */
	uint64_t wide = (uint64_t) (int64_t) err;
	const char *name = errno_name(wide);
	if (name)
		sb_printf(out, ", si_errno=%s", name);
	else
		sb_printf(out, ", si_errno=%" PRIu64, wide);
}

void decode_siginfo(struct strbuf *out, const siginfo_t *si)
{
	sb_putc(out, '{');
	if (si->si_signo) {
		const struct signal_kind *kind = kind_of(si->si_signo);
		sb_printf(out, "si_signo=%s, si_code=", signal_name(si->si_signo));
		print_code(out, si, kind);
		if (si->si_errno)
			print_errno_field(out, si->si_errno);
		if (si->si_code <= 0)
			print_user_details(out, si);
		else if (kind)
			kind->print_details(out, si);
		else
			print_other_kernel(out, si);
	}
	sb_putc(out, '}');
}
