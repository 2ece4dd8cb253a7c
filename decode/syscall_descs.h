/*
 * The descriptor of each decoded syscall, which its decoder's file defines;
 * arch/syscalls.csv lists them (decode/syscall_list.h).
 */
#ifndef EPOLLTRACE_DECODE_SYSCALL_DESCS_H
#define EPOLLTRACE_DECODE_SYSCALL_DESCS_H

#include "decode/decoder.h"
#include "decode/syscall_list.h"

#define SYSCALL_DESC_DECLARE(name, decoder) extern const struct syscall_desc decoder##_desc;
SYSCALL_DECODERS(SYSCALL_DESC_DECLARE)

#endif
