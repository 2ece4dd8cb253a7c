#!/usr/bin/env python3
"""Where --backend=bpf starts to lose records: the rate of epoll calls (issue 16).

paced_waits makes THREADS x RATE epoll_wait calls a second, each
returning one event at once, for SECONDS under `epolltrace --backend=bpf
-qq -o /dev/null` with the default ring buffer and reader; for each
thread count the rate rises until a run says "N calls lost".  A row gives the rate asked, the rate made (calls /
SECONDS, which a busy CPU keeps lower) and the calls lost.  It measures
and never gates; it needs root, as the backend does.
"""

import argparse
import os
import re
import subprocess
import sys

RATES = [25000, 50000, 100000, 150000, 200000, 300000, 400000, 600000, 800000, 1200000]
LOST = re.compile(r"^epolltrace: (\d+) calls lost \([^)]*\)$", re.M)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tracer", default=os.environ.get("EPOLLTRACE", "./epolltrace"))
    p.add_argument("--progs", default="./tests/bench")
    p.add_argument("--threads", default="1,2,4")
    p.add_argument("--seconds", type=int, default=3)
    p.add_argument("--rates", default=",".join(map(str, RATES)),
                   help="calls a second in all, rising")
    return p.parse_args()


def run(args, threads, rate):
    """(calls made, calls lost) of one run at rate calls a second in all."""
    prog = os.path.join(args.progs, "paced_waits")
    argv = [args.tracer, "--backend=bpf", "-qq", "-o", os.devnull, "--",
            prog, str(threads), str(max(1, rate // threads)), str(args.seconds)]
    r = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("loss_rate.py: %s exited %d: %s" % (" ".join(argv), r.returncode, r.stderr))
    return int(r.stdout.split()[0]), sum(int(n) for n in LOST.findall(r.stderr))


def main():
    args = parse_args()
    print("%7s %12s %12s %10s" % ("threads", "asked/s", "made/s", "lost"))
    for threads in map(int, args.threads.split(",")):
        for rate in map(int, args.rates.split(",")):
            made, lost = run(args, threads, rate)
            print("%7d %12d %12d %10d" % (threads, rate, made // args.seconds, lost), flush=True)
            if lost:
                break


if __name__ == "__main__":
    main()
