#!/usr/bin/env python3
"""interest_oracle.py [--dump] PID HEADER: exit 0 when the attach header HEADER
lists exactly the (epfd, tfd, events, data) of every registration, and
every empty instance, that /proc/PID/fdinfo shows.  Event names are
mapped back to bits with Python's own select.EPOLL* constants, so the
check does not share epolltrace's table.

With --dump, HEADER is the output of epolltrace --dump, other lines mixed
in: only its "epolltrace: dump: pid PID ..." lines count, which are the
header's lines with "dump: " and, on a registration, " reported=N"; of
several dumps the last is compared (a dump's instances come in rising
epfd order, so a line of an instance not above the last one that got its
verdict starts the next dump); and each instance needs one verdict line,
"model matches the kernel (N registrations)", N the lines it listed."""
import os
import re
import select
import sys

LINE = re.compile(r"^epolltrace: (?P<dump>dump: )?pid (?P<pid>\d+) epfd (?P<epfd>\d+): "
                  r"(?:fd (?P<tfd>\d+) <[^\n]*> events=(?P<events>\S+)(?: \(disarmed\))?"
                  r" data=(?P<data>0|0x[0-9a-f]+)(?P<reported> reported=\d+)?"
                  r"|(?P<empty>no registrations)"
                  r"|(?P<verdict>model (?:matches the kernel \((?P<count>\d+) registrations?\)"
                  r"|differs from the kernel: .*)))$")
DUMP_PREFIX = "epolltrace: dump: "


def mask_of(text):
    mask = 0
    for part in text.split("|"):
        if part.startswith("0x"):
            mask |= int(part, 16)
        elif part != "0":
            mask |= getattr(select, part)
    return mask


def from_header(pid, path, dump=False):
    regs, empty, problems, verdicts, dumps = [], [], [], {}, 0
    for line in open(path):
        line = line.rstrip("\n")
        if dump and not line.startswith(DUMP_PREFIX):
            continue
        m = LINE.match(line)
        if m and dump and int(m["pid"]) != pid:
            continue
        if not m or int(m["pid"]) != pid or (not dump and (
                m["dump"] or m["reported"] or m["verdict"])):
            problems.append("malformed line: " + line)
            continue
        epfd = int(m["epfd"])
        if m["verdict"]:
            if epfd in verdicts:
                problems.append("epfd %d: a second verdict: %s" % (epfd, line))
            verdicts[epfd] = m
            continue
        if not dumps or (verdicts and epfd <= max(verdicts)):
            regs, empty, verdicts, dumps = [], [], {}, dumps + 1
        if m["empty"]:
            empty.append(epfd)
        else:
            regs.append((epfd, int(m["tfd"]), mask_of(m["events"]), int(m["data"], 16)))
    order = [(r[0], r[1]) for r in regs]
    if order != sorted(order):
        problems.append("lines are not sorted by epfd then tfd")
    if dump:
        problems += check_verdicts(regs, empty, verdicts)
        if not dumps:
            problems.append("no dump of pid %d" % pid)
        elif dumps > 1:
            print("the last of %d dumps compared" % dumps)
    return sorted(regs), sorted(empty), problems


def check_verdicts(regs, empty, verdicts):
    """Each instance of the dump has one verdict: matches, as many as listed."""
    problems = []
    for epfd in sorted(set(r[0] for r in regs) | set(empty) | set(verdicts)):
        listed = sum(1 for r in regs if r[0] == epfd)
        v = verdicts.get(epfd)
        if v is None:
            problems.append("epfd %d: no verdict line" % epfd)
        elif epfd not in empty and not listed:
            problems.append("epfd %d: a verdict, but no lines: %s" % (epfd, v["verdict"]))
        elif v["count"] is None:
            problems.append("epfd %d: %s" % (epfd, v["verdict"]))
        elif int(v["count"]) != listed:
            problems.append("epfd %d: the verdict counts %s registrations, the dump lists %d"
                            % (epfd, v["count"], listed))
    return problems


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
    dump = sys.argv[1] == "--dump"
    args = sys.argv[2:] if dump else sys.argv[1:]
    pid = int(args[0])
    regs, empty, problems = from_header(pid, args[1], dump)
    want_regs, want_empty = from_proc(pid)
    for p in problems:
        print(p)
    for r in sorted(set(want_regs) - set(regs)):
        print("missing from the %s: epfd %d tfd %d events %#x data %#x"
              % (("dump" if dump else "header",) + r))
    for r in sorted(set(regs) - set(want_regs)):
        print("not in fdinfo: epfd %d tfd %d events %#x data %#x" % r)
    if regs != want_regs and set(regs) == set(want_regs):
        print("the same registrations, but not as many times each")
    if empty != want_empty:
        print("empty instances: %s %s, fdinfo %s"
              % ("dump" if dump else "header", empty, want_empty))
    print("%d registrations in %d instances compared" % (len(want_regs), len(set(r[0] for r in want_regs)) + len(want_empty)))
    return 0 if not problems and regs == want_regs and empty == want_empty else 1


sys.exit(main())
