#include <errno.h>
#include <fcntl.h>
#include <linux/btf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trace/kernel_btf.h"

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"

/* What follows a type's header, by its kind: a fixed part, then vlen items. */
static const struct kind_tail {
	bool known;
	unsigned char fixed, item;
} kind_tails[] = {
	[BTF_KIND_INT] = { true, sizeof(uint32_t), 0 },
	[BTF_KIND_PTR] = { true, 0, 0 },
	[BTF_KIND_ARRAY] = { true, sizeof(struct btf_array), 0 },
	[BTF_KIND_STRUCT] = { true, 0, sizeof(struct btf_member) },
	[BTF_KIND_UNION] = { true, 0, sizeof(struct btf_member) },
	[BTF_KIND_ENUM] = { true, 0, sizeof(struct btf_enum) },
	[BTF_KIND_FWD] = { true, 0, 0 },
	[BTF_KIND_TYPEDEF] = { true, 0, 0 },
	[BTF_KIND_VOLATILE] = { true, 0, 0 },
	[BTF_KIND_CONST] = { true, 0, 0 },
	[BTF_KIND_RESTRICT] = { true, 0, 0 },
	[BTF_KIND_FUNC] = { true, 0, 0 },
	[BTF_KIND_FUNC_PROTO] = { true, 0, sizeof(struct btf_param) },
	[BTF_KIND_VAR] = { true, sizeof(struct btf_var), 0 },
	[BTF_KIND_DATASEC] = { true, 0, sizeof(struct btf_var_secinfo) },
	[BTF_KIND_FLOAT] = { true, 0, 0 },
	[BTF_KIND_DECL_TAG] = { true, sizeof(struct btf_decl_tag), 0 },
	[BTF_KIND_TYPE_TAG] = { true, 0, 0 },
	[BTF_KIND_ENUM64] = { true, 0, sizeof(struct btf_enum64) },
};

struct strings {
	const char *base;
	uint32_t len;
};

static const char *name_at(const struct strings *s, uint32_t off)
{
	return off < s->len ? s->base + off : "";
}

/* The offsets of fields found in one struct; how many were still missing and are now found. */
static size_t take_members(const struct btf_type *t, const struct strings *s,
			   struct kernel_field *fields, bool *found, size_t n)
{
	const char *name = name_at(s, t->name_off);
	const struct btf_member *m = (const struct btf_member *) (t + 1);
	size_t taken = 0;
	for (size_t f = 0; f < n; f++) {
		if (found[f] || strcmp(fields[f].type, name) != 0)
			continue;
		for (size_t i = 0; i < BTF_INFO_VLEN(t->info); i++) {
			uint32_t bits = BTF_INFO_KFLAG(t->info) ? BTF_MEMBER_BIT_OFFSET(m[i].offset)
							     : m[i].offset;
			if (bits % 8 == 0 && strcmp(name_at(s, m[i].name_off), fields[f].member) == 0) {
				fields[f].offset = bits / 8;
				found[f] = true;
				taken++;
				break;
			}
		}
	}
	return taken;
}

static int scan(const unsigned char *btf, size_t size, struct kernel_field *fields, size_t n)
{
	const struct btf_header *h = (const void *) btf;
	if (size < sizeof(*h) || h->magic != BTF_MAGIC || h->hdr_len > size ||
	    (uint64_t) h->hdr_len + h->type_off + h->type_len > size ||
	    (uint64_t) h->hdr_len + h->str_off + h->str_len > size || h->type_off % 4 != 0 ||
	    h->hdr_len % 4 != 0 || h->str_len == 0 ||
	    btf[h->hdr_len + h->str_off + h->str_len - 1] != '\0')
		return -EPROTO;
	const struct strings s = { (const char *) btf + h->hdr_len + h->str_off, h->str_len };
	const unsigned char *p = btf + h->hdr_len + h->type_off;
	const unsigned char *end = p + h->type_len;
	bool found[n];
	memset(found, 0, sizeof(found));
	size_t missing = n;
	while (missing > 0 && end - p >= (ptrdiff_t) sizeof(struct btf_type)) {
		const struct btf_type *t = (const void *) p;
		unsigned int kind = BTF_INFO_KIND(t->info);
		if (kind >= sizeof(kind_tails) / sizeof(kind_tails[0]) || !kind_tails[kind].known)
			return -EPROTO;
		size_t tail = kind_tails[kind].fixed + (size_t) BTF_INFO_VLEN(t->info) *
						       kind_tails[kind].item;
		if ((size_t) (end - p) < sizeof(*t) + tail)
			return -EPROTO;
		if (kind == BTF_KIND_STRUCT)
			missing -= take_members(t, &s, fields, found, n);
		p += sizeof(*t) + tail;
	}
	return missing == 0 ? 0 : -ENOENT;
}

/* The file whole: mapped where the kernel allows it (6.16 and later), else read. */
static unsigned char *load(int fd, size_t *size, bool *mapped)
{
	struct stat st;
	if (fstat(fd, &st) < 0 || st.st_size <= 0)
		return NULL;
	*size = (size_t) st.st_size;
	void *map = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
	*mapped = map != MAP_FAILED;
	if (*mapped)
		return map;
	unsigned char *buf = malloc(*size);
	size_t got = 0;
	ssize_t n = 1;
	while (buf && got < *size && n > 0) {
		n = read(fd, buf + got, *size - got);
		if (n > 0)
			got += (size_t) n;
		else if (n < 0 && errno == EINTR)
			n = 1;
	}
	if (buf && got == *size)
		return buf;
	free(buf);
	errno = buf ? EIO : ENOMEM;
	return NULL;
}

int kernel_btf_offsets(struct kernel_field *fields, size_t n)
{
	int fd = open(VMLINUX_BTF, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	size_t size = 0;
	bool mapped = false;
	unsigned char *btf = load(fd, &size, &mapped);
	int rc = btf ? scan(btf, size, fields, n) : -errno;
	if (mapped)
		munmap(btf, size);
	else
		free(btf);
	close(fd);
	return rc;
}
