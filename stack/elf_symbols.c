#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stack/elf_symbols.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct func_sym {
	uint64_t addr;		/* st_value: a virtual address of the file's layout */
	size_t name;		/* offset in names */
	size_t order;		/* where the file lists it, to break ties as libunwind does */
};

/* A loadable segment: how file offsets become the addresses symbols use. */
struct segment {
	uint64_t offset, vaddr, filesz;
};

struct elf_symbols {
	struct func_sym *funcs;
	size_t nfuncs;
	struct segment *segments;
	size_t nsegments;
	/* Copied out of the file, which may change or go once it is read. */
	struct strbuf names;
};

/* The whole file, mapped read-only while it is read. */
struct image {
	const unsigned char *p;
	size_t size;
};

/* [off, off + n * each) lies inside the image. */
static bool in_image(const struct image *im, uint64_t off, uint64_t n, uint64_t each)
{
	if (each && n > (UINT64_MAX - off) / each)
		return false;
	return off <= im->size && n * each <= im->size - off;
}

static void read_segments(struct elf_symbols *s, const struct image *im, const Elf64_Ehdr *eh)
{
	if (eh->e_phentsize != sizeof(Elf64_Phdr) ||
	    !in_image(im, eh->e_phoff, eh->e_phnum, sizeof(Elf64_Phdr)))
		return;
	s->segments = xcalloc(eh->e_phnum, sizeof(*s->segments));
	for (size_t i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr ph;
		memcpy(&ph, im->p + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_LOAD)
			s->segments[s->nsegments++] = (struct segment) {
				ph.p_offset, ph.p_vaddr, ph.p_filesz };
	}
}

/* Adds the defined functions of symbol table sh, named in its linked string table. */
static void read_symtab(struct elf_symbols *s, const struct image *im,
			const Elf64_Shdr *shdrs, size_t nsh, const Elf64_Shdr *sh, size_t *cap)
{
	if (sh->sh_link >= nsh || sh->sh_entsize != sizeof(Elf64_Sym))
		return;
	const Elf64_Shdr *strs = &shdrs[sh->sh_link];
	size_t nsyms = sh->sh_size / sizeof(Elf64_Sym);
	if (!in_image(im, sh->sh_offset, nsyms, sizeof(Elf64_Sym)) ||
	    !in_image(im, strs->sh_offset, strs->sh_size, 1))
		return;
	const char *strtab = (const char *) im->p + strs->sh_offset;
	for (size_t i = 0; i < nsyms; i++) {
		Elf64_Sym sym;
		memcpy(&sym, im->p + sh->sh_offset + i * sizeof(sym), sizeof(sym));
		if (ELF64_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx == SHN_UNDEF ||
		    sym.st_shndx == SHN_ABS || sym.st_name >= strs->sh_size)
			continue;
		size_t len = strnlen(strtab + sym.st_name, strs->sh_size - sym.st_name);
		if (len == 0 || sym.st_name + len == strs->sh_size)
			continue;	/* no name, or one not ended inside its table */
		s->funcs = grow_array(s->funcs, cap, s->nfuncs, sizeof(*s->funcs));
		s->funcs[s->nfuncs] = (struct func_sym) { sym.st_value, s->names.len, s->nfuncs };
		s->nfuncs++;
		sb_puts(&s->names, strtab + sym.st_name);
		sb_putc(&s->names, '\0');
	}
}

static void read_sections(struct elf_symbols *s, const struct image *im, const Elf64_Ehdr *eh)
{
	if (eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    !in_image(im, eh->e_shoff, eh->e_shnum, sizeof(Elf64_Shdr)))
		return;
	Elf64_Shdr *shdrs = xcalloc(eh->e_shnum, sizeof(*shdrs));
	memcpy(shdrs, im->p + eh->e_shoff, (size_t) eh->e_shnum * sizeof(*shdrs));
	size_t cap = 0;
	/* In the file's order, which is libunwind's: it decides between aliases. */
	for (size_t i = 0; i < eh->e_shnum; i++)
		if (shdrs[i].sh_type == SHT_SYMTAB || shdrs[i].sh_type == SHT_DYNSYM)
			read_symtab(s, im, shdrs, eh->e_shnum, &shdrs[i], &cap);
	free(shdrs);
}

static int by_addr_then_order(const void *a, const void *b)
{
	const struct func_sym *x = a, *y = b;
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static struct elf_symbols *parse(const struct image *im)
{
	Elf64_Ehdr eh;
	if (im->size < sizeof(eh))
		return NULL;
	memcpy(&eh, im->p, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64)
		return NULL;
	struct elf_symbols *s = xcalloc(1, sizeof(*s));
	read_segments(s, im, &eh);
	read_sections(s, im, &eh);
	qsort(s->funcs, s->nfuncs, sizeof(*s->funcs), by_addr_then_order);
	return s;
}

struct elf_symbols *elf_symbols_load(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	struct elf_symbols *s = NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		void *p = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED) {
			s = parse(&(struct image) { p, (size_t) st.st_size });
			munmap(p, (size_t) st.st_size);
		}
	}
	close(fd);
	return s;
}

void elf_symbols_free(struct elf_symbols *s)
{
	if (!s)
		return;
	free(s->funcs);
	free(s->segments);
	sb_free(&s->names);
	free(s);
}

/* The address the file's symbols give the byte at file_off; false outside every segment. */
static bool file_vaddr(const struct elf_symbols *s, uint64_t file_off, uint64_t *vaddr)
{
	for (size_t i = 0; i < s->nsegments; i++) {
		const struct segment *seg = &s->segments[i];
		if (file_off >= seg->offset && file_off - seg->offset < seg->filesz) {
			*vaddr = file_off - seg->offset + seg->vaddr;
			return true;
		}
	}
	return false;
}

bool elf_symbols_lookup(const struct elf_symbols *s, uint64_t file_off,
			const char **name, uint64_t *distance)
{
	uint64_t addr;
	if (!file_vaddr(s, file_off, &addr))
		return false;
	/* The first function after addr... */
	size_t lo = 0, hi = s->nfuncs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->funcs[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	/* ...and of the functions just before it, the one listed first. */
	size_t i = lo - 1;
	while (i > 0 && s->funcs[i - 1].addr == s->funcs[i].addr)
		i--;
	*name = s->names.s + s->funcs[i].name;
	*distance = addr - s->funcs[i].addr;
	return true;
}
