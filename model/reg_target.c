#include <sys/sysmacros.h>

#include "model/reg_target.h"

/* include/linux/kdev_t.h: MINORBITS */
#define KERNEL_MINOR_BITS 20

uint32_t kernel_dev_encode(dev_t dev)
{
	return (uint32_t) (major(dev) << KERNEL_MINOR_BITS | minor(dev));
}

enum reg_target reg_target_check(const struct epoll_reg *reg,
				 const struct proc_fd *now)
{
	if (!now)
		return REG_TARGET_CLOSED;
	if (reg->has_file_id &&
	    (reg->ino != now->ino || reg->sdev != kernel_dev_encode(now->dev)))
		return REG_TARGET_REPLACED;
	return REG_TARGET_SAME;
}
