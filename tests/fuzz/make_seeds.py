#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpus (tests/fuzz/corpus/): one valid
call of each kind for fuzz-decode, one table of each kind for fuzz-procfs.
Run from the source tree's top; the files are committed."""
import os
import struct
import subprocess

MEM_BASE = 0x10000


def decoded_syscalls():
    """fuzz_decode.c's order of syscall_descs[]: the decoded rows of
    arch/syscalls.csv, as arch/syscalls.awk lists them for the tests."""
    env = subprocess.run(["awk", "-f", "arch/syscalls.awk", "-v", "out=tests",
                          "arch/syscalls.csv"], check=True, capture_output=True,
                         text=True).stdout
    lists = dict(line.split("=", 1) for line in env.splitlines() if not line.startswith("#"))
    return lists["EPOLL_DECODED"].split(",")


DESCS = decoded_syscalls()


def decode_seed(name, abi, call, opts, regs, rval, mem):
    head = bytes([abi, DESCS.index(call), 32, opts])
    regs = (regs + [0] * 6)[:6]
    body = b"".join(struct.pack("<Q", r & (2**64 - 1)) for r in regs)
    write("decode", name, head + body + struct.pack("<q", rval) + mem)


def event64(events, data):
    return struct.pack("<IQ", events, data)


def write(kind, name, data):
    path = os.path.join("tests", "fuzz", "corpus", kind, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


decode_seed("ctl-add", 0, "epoll_ctl", 2, [3, 1, 5, MEM_BASE], 0, event64(0x80000001, 5))
decode_seed("wait-events", 0, "epoll_wait", 3, [3, MEM_BASE, 4, -1], 2,
            event64(1, 5) + event64(4, 0xdeadbeef))
decode_seed("pwait-sigmask", 0, "epoll_pwait", 0, [3, MEM_BASE, 4, 0, MEM_BASE + 12, 8], 1,
            event64(0x11, 7) + struct.pack("<Q", 0x4001))
decode_seed("pwait2-timeout", 0, "epoll_pwait2", 1, [3, MEM_BASE, 4, MEM_BASE + 12, 0, 8], -4,
            event64(1, 1) + struct.pack("<qq", 1, 500000000))
decode_seed("ioctl-params", 0, "ioctl", 2, [3, 0x40088a01, MEM_BASE], 0,
            struct.pack("<IHBB", 100, 8, 1, 0))
decode_seed("create1-i386", 1, "epoll_create1", 2, [0x80000], 4, b"")

write("procfs", "fdinfo", b"\x00pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t1057\n"
      b"tfd:        5 events:       19 data:                5  pos:0 ino:2a1 sdev:d\n"
      b"tfd:        7 events: 4000001b data: ffffffffffffffff  pos:0 ino:2a5 sdev:9\n")
write("procfs", "maps", b"\x01" b"55d0c0a00000-55d0c0a21000 r-xp 00002000 fd:01 1311 /usr/bin/prog\n"
      b"7f1c2e400000-7f1c2e5a8000 r-xp 00028000 fd:01 2622 /usr/lib/x86_64-linux-gnu/libc.so.6\n")
write("procfs", "tcp", b"\x02" b"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
      b"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71621 1 0 100 0 0 10 0\n")
write("procfs", "unix", b"\x06" b"Num       RefCount Protocol Flags    Type St Inode Path\n"
      b"00000000b4abeb77: 00000003 00000000 00000000 0001 03  1169\n"
      b"0000000043a1b2c3: 00000002 00000000 00010000 0001 01  2201 /run/x.sock\n")
write("procfs", "smaps", b"\x07" b"7f0000000000-7f0000001000 rw-p 00000000 00:00 0 \n"
      b"Size:                  4 kB\nVmFlags: rd wr mr mw me ac um \n")
