/* An ioctl command as strace names it: its constant, else its _IOC() parts. */
#ifndef EPOLLTRACE_DECODE_IOCTL_CMD_H
#define EPOLLTRACE_DECODE_IOCTL_CMD_H

#include <stdint.h>

#include "decode/emitter.h"
#include "decode/xlat.h"

/* The command's type byte, which says whose ioctl it is. */
#define IOCTL_CMD_TYPE_MASK 0xff00u
#define IOCTL_CMD_TYPE(type) ((uint32_t) (type) << 8)

void emit_ioctl_cmd(struct emitter *em, const struct xlat *known, uint32_t cmd);

#endif
