#include <inttypes.h>
#include <stdio.h>

#include "arch/abi.h"
#include "decode/errnos.h"
#include "decode/siginfo.h"
#include "decode/siginfo_codes.h"
#include "decode/sigmask.h"
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

static void emit_ptr_field(struct emitter *em, const char *name, const void *ptr)
{
	emit_field(em, name);
	emit_addr(em, (uint64_t) (uintptr_t) ptr);
}

static void emit_source(struct emitter *em, const siginfo_t *si)
{
	emit_int_field(em, "si_pid", si->si_pid);
	if (si->si_uid == (uid_t) -1)
		emit_int_field(em, "si_uid", -1);
	else
		emit_uint_field(em, "si_uid", si->si_uid);
}

static void emit_value(struct emitter *em, const siginfo_t *si)
{
	emit_int_field(em, "si_int", si->si_int);
	emit_ptr_field(em, "si_ptr", si->si_ptr);
}

static void emit_band_fd(struct emitter *em, const siginfo_t *si)
{
	emit_int_field(em, "si_band", si->si_band);
	emit_int_field(em, "si_fd", si->si_fd);
}

/* Codes the kernel never sends: some process queued the signal. */
static void emit_user_details(struct emitter *em, const siginfo_t *si)
{
	if (si->si_code == CODE_USER || si->si_code == CODE_TKILL) {
		emit_source(em, si);
	} else if (si->si_code == CODE_TIMER) {
		emit_field(em, "si_timerid");
		emit_hex(em, (unsigned int) si->si_timerid);
		emit_int_field(em, "si_overrun", si->si_overrun);
		emit_value(em, si);
	} else if (si->si_code == CODE_SIGIO) {
		emit_band_fd(em, si);
	} else {
		emit_source(em, si);
		if (si->si_ptr)
			emit_value(em, si);
	}
}

static void emit_sigchld(struct emitter *em, const siginfo_t *si)
{
	emit_source(em, si);
	emit_field(em, "si_status");
	if (si->si_code == CODE_CLD_EXITED)
		emit_int(em, si->si_status);
	else
		emit_symbol(em, signal_name(si->si_status));
	emit_field(em, "si_utime");
	emit_clock_ticks(em, (uint64_t) si->si_utime);
	emit_field(em, "si_stime");
	emit_clock_ticks(em, (uint64_t) si->si_stime);
}

static void emit_fault_addr(struct emitter *em, const siginfo_t *si)
{
	emit_ptr_field(em, "si_addr", si->si_addr);
}

static void emit_sigsegv(struct emitter *em, const siginfo_t *si)
{
	emit_fault_addr(em, si);
	if (si->si_code == CODE_SEGV_BNDERR) {
		emit_ptr_field(em, "si_lower", si->si_lower);
		emit_ptr_field(em, "si_upper", si->si_upper);
	} else if (si->si_code == CODE_SEGV_PKUERR) {
		emit_uint_field(em, "si_pkey", (unsigned int) si->si_pkey);
	}
}

static void emit_sigbus(struct emitter *em, const siginfo_t *si)
{
	emit_fault_addr(em, si);
	if (si->si_code == CODE_BUS_MCEERR_AR || si->si_code == CODE_BUS_MCEERR_AO) {
		emit_field(em, "si_addr_lsb");
		emit_hex(em, (unsigned int) si->si_addr_lsb);
	}
}

/* Only the codes that come with a descriptor have band and fd. */
static void emit_sigpoll(struct emitter *em, const siginfo_t *si)
{
	if (si->si_code >= 1 && si->si_code <= CODE_POLL_MSG)
		emit_band_fd(em, si);
}

static void emit_sigsys(struct emitter *em, const siginfo_t *si)
{
	emit_ptr_field(em, "si_call_addr", si->si_call_addr);
	const struct abi *abi = abi_by_audit_arch(si->si_arch);
	const char *name = abi ? abi_syscall_name(abi, (unsigned int) si->si_syscall) : NULL;
	emit_field(em, "si_syscall");
	if (name) {
		char nr_name[64];
		snprintf(nr_name, sizeof(nr_name), "__NR_%s", name);
		emit_symbol(em, nr_name);
	} else {
		emit_uint(em, (unsigned int) si->si_syscall);
	}
	emit_field(em, "si_arch");
	emit_xval(em, &audit_arch_xlat, si->si_arch, "AUDIT_ARCH_???");
}

static void emit_other_kernel(struct emitter *em, const siginfo_t *si)
{
	if (si->si_pid || si->si_uid)
		emit_source(em, si);
	if (si->si_ptr)
		emit_value(em, si);
}

/* What each signal's kernel-sent codes mean, and which fields they fill. */
struct signal_kind {
	int signo;
	const struct xlat *codes;
	void (*emit_details)(struct emitter *em, const siginfo_t *si);
};

static const struct signal_kind signal_kinds[] = {
	{ SIGCHLD, &sigchld_codes_xlat, emit_sigchld },
	{ SIGILL, &sigill_codes_xlat, emit_fault_addr },
	{ SIGFPE, &sigfpe_codes_xlat, emit_fault_addr },
	{ SIGSEGV, &sigsegv_codes_xlat, emit_sigsegv },
	{ SIGBUS, &sigbus_codes_xlat, emit_sigbus },
	{ SIGTRAP, &sigtrap_codes_xlat, emit_fault_addr },
	{ SIGIO, &sigpoll_codes_xlat, emit_sigpoll },
	{ SIGSYS, &sigsys_codes_xlat, emit_sigsys },
};

static const struct signal_kind *kind_of(int signo)
{
	for (size_t i = 0; i < sizeof(signal_kinds) / sizeof(signal_kinds[0]); i++)
		if (signal_kinds[i].signo == signo)
			return &signal_kinds[i];
	return NULL;
}

static void emit_code(struct emitter *em, const siginfo_t *si, const struct signal_kind *kind)
{
	uint32_t code = (uint32_t) si->si_code;
	const char *name = xlat_lookup(&si_codes_generic_xlat, code);
	if (!name && kind)
		name = xlat_lookup(kind->codes, code);
	emit_field(em, "si_code");
	emit_xlat_name(em, name, code, NULL);
}

static void emit_errno_field(struct emitter *em, int err)
{
	/* strace widens si_errno as a signed value and prints it unsigned. */
	uint64_t wide = (uint64_t) (int64_t) err;
	const char *name = errno_name(wide);
	emit_field(em, "si_errno");
	if (name)
		emit_symbol(em, name);
	else
		emit_uint(em, wide);
}

void emit_siginfo(struct emitter *em, const siginfo_t *si)
{
	emit_struct_begin(em);
	if (si->si_signo) {
		const struct signal_kind *kind = kind_of(si->si_signo);
		emit_field(em, "si_signo");
		emit_signal(em, si->si_signo, signal_name(si->si_signo));
		emit_code(em, si, kind);
		if (si->si_errno)
			emit_errno_field(em, si->si_errno);
		if (si->si_code <= 0)
			emit_user_details(em, si);
		else if (kind)
			kind->emit_details(em, si);
		else
			emit_other_kernel(em, si);
	}
	emit_struct_end(em);
}
