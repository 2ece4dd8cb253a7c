#include <stdio.h>

#include "decode/ioctl_cmd.h"

/* The generic _IOC layout of x86 (asm-generic/ioctl.h). */
#define IOC_NR(cmd) ((cmd) & 0xffu)
#define IOC_TYPE(cmd) (((cmd) >> 8) & 0xffu)
#define IOC_SIZE(cmd) (((cmd) >> 16) & 0x3fffu)
#define IOC_DIR(cmd) ((cmd) >> 30)

/* Indexed by the direction bits: write 1, read 2. */
static const char *const ioc_dirs[] = {
	"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
};

void emit_ioctl_cmd(struct emitter *em, const struct xlat *known, uint32_t cmd)
{
	const char *name = xlat_lookup(known, cmd);
	if (name) {
		emit_xlat_name(em, name, cmd, NULL);
		return;
	}
	char text[sizeof("_IOC(_IOC_READ|_IOC_WRITE, 0xff, 0xff, 0x3fff)")];
	snprintf(text, sizeof(text), "_IOC(%s, %#x, %#x, %#x)", ioc_dirs[IOC_DIR(cmd)],
		 IOC_TYPE(cmd), IOC_NR(cmd), IOC_SIZE(cmd));
	emit_xlat_name(em, text, cmd, NULL);
}
