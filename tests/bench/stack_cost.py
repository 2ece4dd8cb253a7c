#!/usr/bin/env python3
"""The cost of one -k stack trace, epolltrace's and strace's (issue 6).

deep_waits makes ITER epoll_wait calls with timeout 0, each at the same
stack depth, so every trace has the same frames.  Each tracer runs it with
and without -k, writing to /dev/null; the cost of one trace is
(time with -k - time without) / ITER, the median of interleaved rounds.
strace's traces are slower by an order of magnitude, so it gets fewer
calls, for the same run time.  It measures and never gates.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from bench_modes import EPOLLTRACE, STRACE, command_prefix
from bench_rounds import BenchError, median, run_rounds, timed_run

TARGET_US = 50.0


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tracer", default=os.environ.get("EPOLLTRACE", "./epolltrace"))
    p.add_argument("--progs", default="./tests/bench")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--iter", type=int, default=20000, help="waits under epolltrace")
    p.add_argument("--strace-iter", type=int, default=2000, help="waits under strace")
    return p.parse_args()


def frames_per_trace(tracer, prog):
    """The frame lines epolltrace prints after one wait of prog."""
    with tempfile.NamedTemporaryFile(mode="r") as log:
        subprocess.run([tracer, "-qq", "-k", "-e", "trace=epoll_wait", "-o", log.name,
                        prog, "1"], check=True, stdin=subprocess.DEVNULL)
        return sum(1 for line in log if line.startswith(" > "))


def main():
    args = parse_args()
    prog = os.path.join(args.progs, "deep_waits")
    for tool in (args.tracer, "strace", prog):
        if not shutil.which(tool):
            sys.exit("stack_cost.py: cannot find %s" % tool)
    iters = {EPOLLTRACE: args.iter, STRACE: args.strace_iter}

    def job(mode, k):
        argv = command_prefix(mode, args.tracer) + (["-k"] if k else [])
        return lambda: timed_run(argv + [prog, str(iters[mode])])

    groups = [[((mode, k), job(mode, k)) for k in (False, True)] for mode in iters]
    try:
        frames = frames_per_trace(args.tracer, prog)
        times = run_rounds(groups, args.rounds)
    except (BenchError, subprocess.CalledProcessError) as e:
        sys.exit("stack_cost.py: a run failed, so no figures: %s" % e)

    print("-k: the cost of one stack trace of %d frames (deep_waits), median of %d rounds"
          % (frames, args.rounds))
    for mode in (EPOLLTRACE, STRACE):
        with_k, without = median(times[(mode, True)]), median(times[(mode, False)])
        us = (with_k - without) / iters[mode] * 1e6
        verdict = ("   target <= %.0f us: %s" % (TARGET_US, "PASS" if us <= TARGET_US else "FAIL")
                   if mode == EPOLLTRACE else "")
        print("  %-10s %8.1f us per trace  (%d waits: %.2f s with -k, %.2f s without)%s"
              % (mode, us, iters[mode], with_k, without, verdict))


if __name__ == "__main__":
    main()
