#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>

#include "trace/tracee_memory.h"
#include "trace/unwind_access.h"

/*
 * The walk under way.  libunwind hands every accessor the same argument,
 * and libunwind-ptrace's own (which its table lookups call back through
 * these) need it to be their state: so ours is found here, not in it.
 * The tracer walks one stack at a time.
 */
static struct unwind_access *current;

/* a, if the accessor's argument is its walk's. */
static struct unwind_access *walk_of(void *arg)
{
	return current && current->upt == arg ? current : NULL;
}

bool unwind_access_begin(struct unwind_access *a, pid_t tid)
{
	a->upt = _UPT_create(tid);
	a->tid = tid;
	a->asleep = false;
	a->have_regs = false;
	a->npages = 0;
	a->next_victim = 0;
	current = a->upt ? a : NULL;
	return a->upt != NULL;
}

bool unwind_access_begin_asleep(struct unwind_access *a, pid_t tid, uint64_t pc, uint64_t sp)
{
	if (!unwind_access_begin(a, tid))
		return false;
	a->asleep = true;
	a->have_regs = true;
	memset(&a->regs, 0, sizeof(a->regs));
	a->regs.rip = pc;
	a->regs.rsp = sp;
	return true;
}

void unwind_access_end(struct unwind_access *a)
{
	current = NULL;
	_UPT_destroy(a->upt);
	a->upt = NULL;
}

/* Where libunwind's x86-64 register numbers live in struct user_regs_struct. */
static const size_t reg_offsets[] = {
	[UNW_X86_64_RAX] = offsetof(struct user_regs_struct, rax),
	[UNW_X86_64_RDX] = offsetof(struct user_regs_struct, rdx),
	[UNW_X86_64_RCX] = offsetof(struct user_regs_struct, rcx),
	[UNW_X86_64_RBX] = offsetof(struct user_regs_struct, rbx),
	[UNW_X86_64_RSI] = offsetof(struct user_regs_struct, rsi),
	[UNW_X86_64_RDI] = offsetof(struct user_regs_struct, rdi),
	[UNW_X86_64_RBP] = offsetof(struct user_regs_struct, rbp),
	[UNW_X86_64_RSP] = offsetof(struct user_regs_struct, rsp),
	[UNW_X86_64_R8] = offsetof(struct user_regs_struct, r8),
	[UNW_X86_64_R9] = offsetof(struct user_regs_struct, r9),
	[UNW_X86_64_R10] = offsetof(struct user_regs_struct, r10),
	[UNW_X86_64_R11] = offsetof(struct user_regs_struct, r11),
	[UNW_X86_64_R12] = offsetof(struct user_regs_struct, r12),
	[UNW_X86_64_R13] = offsetof(struct user_regs_struct, r13),
	[UNW_X86_64_R14] = offsetof(struct user_regs_struct, r14),
	[UNW_X86_64_R15] = offsetof(struct user_regs_struct, r15),
	[UNW_X86_64_RIP] = offsetof(struct user_regs_struct, rip),
};

static int access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *val, int write,
		      void *arg)
{
	struct unwind_access *a = walk_of(arg);
	/* Asleep, a thread's other registers are in the kernel's keeping: the walk ends there. */
	if (a && a->asleep && (write || (reg != UNW_X86_64_RIP && reg != UNW_X86_64_RSP)))
		return -UNW_EBADREG;
	if (!a || write || reg < 0 || (size_t) reg >= sizeof(reg_offsets) / sizeof(reg_offsets[0]))
		return _UPT_access_reg(as, reg, val, write, arg);
	if (!a->have_regs) {
		if (ptrace(PTRACE_GETREGS, a->tid, NULL, &a->regs) < 0)
			return _UPT_access_reg(as, reg, val, write, arg);
		a->have_regs = true;
	}
	uint64_t v;
	memcpy(&v, (const unsigned char *) &a->regs + reg_offsets[reg], sizeof(v));
	*val = v;
	return 0;
}

/* The cached page at page_addr, read now if need be; NULL when it cannot be read. */
static const struct unwind_page *page_at(struct unwind_access *a, uint64_t page_addr)
{
	for (unsigned int i = 0; i < a->npages; i++)
		if (a->pages[i].addr == page_addr)
			return &a->pages[i];
	unsigned int slot = a->npages < UNWIND_CACHED_PAGES ? a->npages : a->next_victim;
	struct unwind_page *p = &a->pages[slot];
	if (!tracee_read(a->tid, page_addr, p->bytes, UNWIND_PAGE_SIZE))
		return NULL;
	p->addr = page_addr;
	if (a->npages < UNWIND_CACHED_PAGES)
		a->npages++;
	else
		a->next_victim = (a->next_victim + 1) % UNWIND_CACHED_PAGES;
	return p;
}

static int access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write,
		      void *arg)
{
	struct unwind_access *a = walk_of(arg);
	uint64_t in_page = addr % UNWIND_PAGE_SIZE;
	const struct unwind_page *p = NULL;
	/*
	 * Writes, words across two pages and unreadable pages: word by word,
	 * by ptrace (or by process_vm_readv from a task not stopped).
	 */
	if (a && !write && in_page <= UNWIND_PAGE_SIZE - sizeof(*val))
		p = page_at(a, addr - in_page);
	if (!p && a && a->asleep)
		return !write && tracee_read(a->tid, addr, val, sizeof(*val)) ? 0 : -UNW_EINVAL;
	if (!p)
		return _UPT_access_mem(as, addr, val, write, arg);
	memcpy(val, p->bytes + in_page, sizeof(*val));
	return 0;
}

unw_accessors_t unwind_accessors(void)
{
	unw_accessors_t acc = _UPT_accessors;
	acc.access_mem = access_mem;
	acc.access_reg = access_reg;
	return acc;
}
