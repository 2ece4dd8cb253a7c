/* print_siginfo and signal_name. */
#include <errno.h>
#include <string.h>

#include "decode/siginfo.h"
#include "emit/text_values.h"
#include "decode/signals.h"
#include "tests/unit/tap.h"

static siginfo_t si;

static void reset(int signo, int code)
{
	memset(&si, 0, sizeof(si));
	si.si_signo = signo;
	si.si_code = code;
}

static const char *show(void)
{
	static struct strbuf sb = STRBUF_INIT;
	sb_reset(&sb);
	print_siginfo(&sb, &si, CONST_ABBREV);
	return sb_str(&sb);
}

static void names(void)
{
	tap_is(signal_name(10), "SIGUSR1", "SIGUSR1");
	tap_is(signal_name(29), "SIGIO", "29 is SIGIO");
	tap_is(signal_name(31), "SIGSYS", "SIGSYS");
	tap_is(signal_name(32), "SIGRTMIN", "32 is SIGRTMIN");
	tap_is(signal_name(34), "SIGRT_2", "34 is SIGRT_2");
	tap_is(signal_name(64), "SIGRT_32", "64 is SIGRT_32");
	tap_is(signal_name(65), "65", "beyond the last signal");
	tap_is(signal_name(0), "0", "zero");
}

static void user_codes(void)
{
	reset(SIGUSR1, SI_USER);
	si.si_pid = 123;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=123, si_uid=0}", "SI_USER");
	reset(SIGUSR2, SI_TKILL);
	si.si_pid = 7;
	si.si_uid = 1000;
	tap_is(show(), "{si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=7, si_uid=1000}", "SI_TKILL");
	si.si_uid = (uid_t) -1;
	tap_is(show(), "{si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=7, si_uid=-1}", "uid -1");
	reset(SIGUSR1, SI_TKILL);
	si.si_errno = ENOENT;
	si.si_pid = 5;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_TKILL, si_errno=ENOENT, si_pid=5, si_uid=0}", "si_errno");
	si.si_errno = 4000;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_TKILL, si_errno=4000, si_pid=5, si_uid=0}", "unknown si_errno");
	reset(SIGUSR1, SI_QUEUE);
	si.si_pid = 5;
	si.si_uid = 7;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=7}", "SI_QUEUE, zero value");
	si.si_value.sival_ptr = (void *) 0xfffffffdul;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=5, si_uid=7, si_int=-3, si_ptr=0xfffffffd}",
	       "SI_QUEUE value");
	si.si_code = SI_MESGQ;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_MESGQ, si_pid=5, si_uid=7, si_int=-3, si_ptr=0xfffffffd}",
	       "SI_MESGQ");
	si.si_code = -100;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=0xffffff9c, si_pid=5, si_uid=7, si_int=-3, si_ptr=0xfffffffd}",
	       "unknown user code");
	reset(SIGALRM, SI_TIMER);
	si.si_timerid = 0x4d;
	si.si_value.sival_int = 3;
	tap_is(show(), "{si_signo=SIGALRM, si_code=SI_TIMER, si_timerid=0x4d, si_overrun=0, si_int=3, si_ptr=0x3}",
	       "SI_TIMER");
	reset(SIGUSR1, SI_SIGIO);
	si.si_band = 77;
	si.si_fd = 3;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=SI_SIGIO, si_band=77, si_fd=3}", "SI_SIGIO");
}

static void kernel_codes(void)
{
	reset(SIGALRM, SI_KERNEL);
	tap_is(show(), "{si_signo=SIGALRM, si_code=SI_KERNEL}", "SI_KERNEL");
	reset(SIGUSR1, 5);
	si.si_pid = 9;
	tap_is(show(), "{si_signo=SIGUSR1, si_code=0x5, si_pid=9, si_uid=0}", "unknown kernel code with a sender");
	reset(SIGCHLD, CLD_EXITED);
	si.si_pid = 42;
	si.si_status = 3;
	si.si_utime = 169;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=3, si_utime=169 /* 1.69 s */, si_stime=0}",
	       "CLD_EXITED");
	si.si_code = CLD_KILLED;
	si.si_status = SIGKILL;
	si.si_utime = 0;
	si.si_stime = 100;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=42, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=100 /* 1.00 s */}",
	       "CLD_KILLED");
	si.si_code = CLD_DUMPED;
	si.si_status = SIGSEGV;
	si.si_stime = 0;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_DUMPED, si_pid=42, si_uid=0, si_status=SIGSEGV, si_utime=0, si_stime=0}",
	       "CLD_DUMPED");
	si.si_code = CLD_STOPPED;
	si.si_status = SIGTSTP;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_STOPPED, si_pid=42, si_uid=0, si_status=SIGTSTP, si_utime=0, si_stime=0}",
	       "CLD_STOPPED");
	si.si_code = CLD_TRAPPED;
	si.si_status = SIGTRAP;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_TRAPPED, si_pid=42, si_uid=0, si_status=SIGTRAP, si_utime=0, si_stime=0}",
	       "CLD_TRAPPED");
	si.si_code = CLD_CONTINUED;
	si.si_status = SIGCONT;
	tap_is(show(), "{si_signo=SIGCHLD, si_code=CLD_CONTINUED, si_pid=42, si_uid=0, si_status=SIGCONT, si_utime=0, si_stime=0}",
	       "CLD_CONTINUED");

	reset(SIGSEGV, SEGV_MAPERR);
	si.si_addr = (void *) 0x10;
	tap_is(show(), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}", "SEGV_MAPERR");
	si.si_addr = NULL;
	si.si_code = SEGV_ACCERR;
	tap_is(show(), "{si_signo=SIGSEGV, si_code=SEGV_ACCERR, si_addr=NULL}", "SEGV_ACCERR at NULL");
	si.si_code = SEGV_PKUERR;
	si.si_pkey = 2;
	tap_is(show(), "{si_signo=SIGSEGV, si_code=SEGV_PKUERR, si_addr=NULL, si_pkey=2}", "SEGV_PKUERR");
	reset(SIGSEGV, SEGV_BNDERR);
	si.si_lower = (void *) 0x100;
	si.si_upper = (void *) 0x200;
	tap_is(show(), "{si_signo=SIGSEGV, si_code=SEGV_BNDERR, si_addr=NULL, si_lower=0x100, si_upper=0x200}",
	       "SEGV_BNDERR");
	reset(SIGBUS, BUS_ADRERR);
	si.si_addr = (void *) 0x7000;
	tap_is(show(), "{si_signo=SIGBUS, si_code=BUS_ADRERR, si_addr=0x7000}", "BUS_ADRERR");
	si.si_code = BUS_MCEERR_AR;
	si.si_addr_lsb = 12;
	tap_is(show(), "{si_signo=SIGBUS, si_code=BUS_MCEERR_AR, si_addr=0x7000, si_addr_lsb=0xc}", "BUS_MCEERR_AR");
	reset(SIGILL, ILL_ILLOPN);
	si.si_addr = (void *) 0x401000;
	tap_is(show(), "{si_signo=SIGILL, si_code=ILL_ILLOPN, si_addr=0x401000}", "SIGILL");
	reset(SIGFPE, FPE_INTDIV);
	si.si_addr = (void *) 0x401000;
	tap_is(show(), "{si_signo=SIGFPE, si_code=FPE_INTDIV, si_addr=0x401000}", "SIGFPE");
	si.si_code = 99;
	tap_is(show(), "{si_signo=SIGFPE, si_code=0x63, si_addr=0x401000}", "unknown SIGFPE code");
	reset(SIGTRAP, TRAP_BRKPT);
	tap_is(show(), "{si_signo=SIGTRAP, si_code=TRAP_BRKPT, si_addr=NULL}", "SIGTRAP");

	reset(SIGIO, POLL_IN);
	si.si_band = 65;
	si.si_fd = 4;
	tap_is(show(), "{si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=4}", "POLL_IN");
	si.si_code = POLL_HUP;
	tap_is(show(), "{si_signo=SIGIO, si_code=POLL_HUP}", "POLL_HUP has no band");

	reset(SIGSYS, 1);
	si.si_call_addr = (void *) 0x401234;
	si.si_syscall = 232;
	si.si_arch = 0xc000003e;
	tap_is(show(), "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401234, si_syscall=__NR_epoll_wait, si_arch=AUDIT_ARCH_X86_64}",
	       "SIGSYS");
	si.si_syscall = 5000;
	si.si_arch = 0x1234;
	tap_is(show(), "{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x401234, si_syscall=5000, si_arch=0x1234 /* AUDIT_ARCH_??? */}",
	       "SIGSYS unknown syscall and arch");

	reset(36, SI_USER);
	si.si_pid = 1;
	tap_is(show(), "{si_signo=SIGRT_4, si_code=SI_USER, si_pid=1, si_uid=0}", "real-time signal");
	reset(0, 0);
	tap_is(show(), "{}", "no signal");
}

int main(void)
{
	names();
	user_codes();
	kernel_codes();
	return tap_done();
}
