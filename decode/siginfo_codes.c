#include <linux/audit.h>

#include "decode/siginfo_codes.h"

/*
 * From include/uapi/asm-generic/siginfo.h.  si_code is an int; the tables
 * hold it as the unsigned value strace prints when it has no name.
 */
#define CODE(v) ((uint32_t) (v))

static const struct xlat_entry si_codes_generic[] = {
	{ CODE(0), "SI_USER" },
	{ CODE(0x80), "SI_KERNEL" },
	{ CODE(-1), "SI_QUEUE" },
	{ CODE(-2), "SI_TIMER" },
	{ CODE(-3), "SI_MESGQ" },
	{ CODE(-4), "SI_ASYNCIO" },
	{ CODE(-5), "SI_SIGIO" },
	{ CODE(-6), "SI_TKILL" },
	{ CODE(-7), "SI_DETHREAD" },
	{ CODE(-60), "SI_ASYNCNL" },
};
const struct xlat si_codes_generic_xlat = XLAT_OF(si_codes_generic);

static const struct xlat_entry sigill_codes[] = {
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" },
	{ 4, "ILL_ILLTRP" }, { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" },
	{ 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" }, { 9, "ILL_BADIADDR" },
};
const struct xlat sigill_codes_xlat = XLAT_OF(sigill_codes);

static const struct xlat_entry sigfpe_codes[] = {
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" },
	{ 4, "FPE_FLTOVF" }, { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" },
	{ 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" }, { 14, "FPE_FLTUNK" },
	{ 15, "FPE_CONDTRAP" },
};
const struct xlat sigfpe_codes_xlat = XLAT_OF(sigfpe_codes);

static const struct xlat_entry sigsegv_codes[] = {
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" },
	{ 4, "SEGV_PKUERR" }, { 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" },
	{ 7, "SEGV_ADIPERR" }, { 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" },
	{ 10, "SEGV_CPERR" },
};
const struct xlat sigsegv_codes_xlat = XLAT_OF(sigsegv_codes);

static const struct xlat_entry sigbus_codes[] = {
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" },
	{ 4, "BUS_MCEERR_AR" }, { 5, "BUS_MCEERR_AO" },
};
const struct xlat sigbus_codes_xlat = XLAT_OF(sigbus_codes);

static const struct xlat_entry sigtrap_codes[] = {
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" },
	{ 4, "TRAP_HWBKPT" }, { 5, "TRAP_UNK" }, { 6, "TRAP_PERF" },
};
const struct xlat sigtrap_codes_xlat = XLAT_OF(sigtrap_codes);

static const struct xlat_entry sigchld_codes[] = {
	{ 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" },
	{ 4, "CLD_TRAPPED" }, { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" },
};
const struct xlat sigchld_codes_xlat = XLAT_OF(sigchld_codes);

static const struct xlat_entry sigpoll_codes[] = {
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" },
	{ 4, "POLL_ERR" }, { 5, "POLL_PRI" }, { 6, "POLL_HUP" },
};
const struct xlat sigpoll_codes_xlat = XLAT_OF(sigpoll_codes);

static const struct xlat_entry sigsys_codes[] = {
	{ 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" },
};
const struct xlat sigsys_codes_xlat = XLAT_OF(sigsys_codes);

static const struct xlat_entry audit_archs[] = {
	{ AUDIT_ARCH_X86_64, "AUDIT_ARCH_X86_64" },
	{ AUDIT_ARCH_I386, "AUDIT_ARCH_I386" },
	{ AUDIT_ARCH_AARCH64, "AUDIT_ARCH_AARCH64" },
	{ AUDIT_ARCH_RISCV64, "AUDIT_ARCH_RISCV64" },
};
const struct xlat audit_arch_xlat = XLAT_OF(audit_archs);
