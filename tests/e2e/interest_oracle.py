#!/usr/bin/env python3
"""interest_oracle.py PID HEADER: exit 0 when the attach header HEADER
lists exactly the (epfd, tfd, events, data) of every registration, and
every empty instance, that /proc/PID/fdinfo shows.  Event names are
mapped back to bits with Python's own select.EPOLL* constants, so the
check does not share epolltrace's table."""
import os
import re
import select
import sys

LINE = re.compile(r"^epolltrace: pid (\d+) epfd (\d+): "
                  r"(?:fd (\d+) <[^\n]*> events=(\S+)(?: \(disarmed\))? data=(0|0x[0-9a-f]+)"
                  r"|(no registrations))$")


def mask_of(text):
    mask = 0
    for part in text.split("|"):
        if part.startswith("0x"):
            mask |= int(part, 16)
        elif part != "0":
            mask |= getattr(select, part)
    return mask


def from_header(pid, path):
    regs, empty, problems = [], [], []
    for line in open(path):
        m = LINE.match(line.rstrip("\n"))
        if not m or int(m.group(1)) != pid:
            problems.append("malformed line: " + line.rstrip())
            continue
        epfd = int(m.group(2))
        if m.group(6):
            empty.append(epfd)
        else:
            regs.append((epfd, int(m.group(3)), mask_of(m.group(4)), int(m.group(5), 16)))
    order = [(r[0], r[1]) for r in regs]
    if order != sorted(order):
        problems.append("lines are not sorted by epfd then tfd")
    return sorted(regs), sorted(empty), problems


def from_proc(pid):
    regs, empty = [], []
    for name in os.listdir("/proc/%d/fd" % pid):
        if os.readlink("/proc/%d/fd/%s" % (pid, name)) != "anon_inode:[eventpoll]":
            continue
        found = 0
        for line in open("/proc/%d/fdinfo/%s" % (pid, name)):
            f = line.split()
            if f and f[0] == "tfd:":
                regs.append((int(name), int(f[1]), int(f[3], 16), int(f[5], 16)))
                found += 1
        if not found:
            empty.append(int(name))
    return sorted(regs), sorted(empty)


def main():
    pid = int(sys.argv[1])
    regs, empty, problems = from_header(pid, sys.argv[2])
    want_regs, want_empty = from_proc(pid)
    for p in problems:
        print(p)
    for r in sorted(set(want_regs) - set(regs)):
        print("missing from the header: epfd %d tfd %d events %#x data %#x" % r)
    for r in sorted(set(regs) - set(want_regs)):
        print("not in fdinfo: epfd %d tfd %d events %#x data %#x" % r)
    if regs != want_regs and set(regs) == set(want_regs):
        print("the same registrations, but not as many times each")
    if empty != want_empty:
        print("empty instances: header %s, fdinfo %s" % (empty, want_empty))
    print("%d registrations in %d instances compared" % (len(want_regs), len(set(r[0] for r in want_regs)) + len(want_empty)))
    return 0 if not problems and regs == want_regs and empty == want_empty else 1


sys.exit(main())
