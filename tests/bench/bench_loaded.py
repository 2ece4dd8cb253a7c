"""The loaded column (issue 16): command mode with a CPU hog on every core.

epolltrace's poll-before-sleep (--spin) saves wake-ups on an idle machine
but could take a CPU from the tracee on a busy one.  The epoll-heavy
workloads run untraced, under strace, under epolltrace and under
epolltrace --spin=0, each round once idle and once with hogs, side by
side.  The target: under load, epolltrace is no slower than --spin=0 and
no slower than strace, judged on the per-round differences, since a
single loaded run varies more than the gap compared: the 95% interval of
their median reaches 0 or below, and stays under a tenth of strace's
overhead, so that a run too noisy to tell does not pass.
"""

import os
import subprocess

from bench_modes import EPOLLTRACE, SPIN_OFF, STRACE, UNTRACED, command_prefix
from bench_report import median_interval, overhead_ratio
from bench_rounds import median, run_rounds, spread
from bench_workloads import command_workloads

LOADED_MODES = (UNTRACED, STRACE, EPOLLTRACE, SPIN_OFF)
IDLE, LOADED = "idle", "loaded"


class CpuHogs:
    """One busy loop per CPU, at the workload's own priority."""

    def __init__(self, n=None):
        self.n = n or os.cpu_count() or 1
        self.procs = []

    def __enter__(self):
        self.procs = [subprocess.Popen(["sh", "-c", "while :; do :; done"])
                      for _ in range(self.n)]
        return self

    def __exit__(self, *exc):
        for p in self.procs:
            p.kill()
        for p in self.procs:
            p.wait()
        self.procs = []


def _loaded_job(job):
    def run():
        with CpuHogs():
            return job()
    return run


# How much slower the interval may reach, as a share of strace's overhead.
PRECISION = 0.1


def _no_slower(times, name, mode, than):
    """(median of per-round differences, its 95% interval, met?)."""
    runs = {m: times[(name, LOADED, m)] for m in (mode, than, STRACE, UNTRACED)}
    diffs = [a - b for a, b in zip(runs[mode], runs[than])]
    interval = median_interval(diffs)
    allowed = PRECISION * (median(runs[STRACE]) - median(runs[UNTRACED]))
    met = interval is not None and interval[0] <= 0 and interval[1] < allowed
    return median(diffs), interval, met


def _interval_text(interval):
    return "[%+.3f, %+.3f]" % interval if interval else "(too few rounds)"


def loaded_section(progs, tracer, scale, rounds, verdicts, progress=None):
    workloads = [w for w in command_workloads(progs, scale) if w.epoll_heavy]
    groups = []
    for w in workloads:
        group = []
        for m in LOADED_MODES:
            job = (lambda w=w, m=m: w.run(command_prefix(m, tracer)))
            group.append(((w.name, IDLE, m), job))
            group.append(((w.name, LOADED, m), _loaded_job(job)))
        groups.append(group)
    times = run_rounds(groups, rounds, progress)
    out = ["loaded: command mode, idle and with a CPU hog on each of %d CPUs"
           " (the same rounds, interleaved)" % (os.cpu_count() or 1),
           "  medians in s (spread); ratio = overhead / strace's overhead in the same"
           " column",
           "  %-14s %-7s %15s %15s %15s %15s %6s %6s" % (
               "workload", "", UNTRACED, STRACE, EPOLLTRACE, SPIN_OFF, "ratio", "r spin0")]
    for w in workloads:
        for column in (IDLE, LOADED):
            runs = {m: times[(w.name, column, m)] for m in LOADED_MODES}
            med = {m: median(runs[m]) for m in LOADED_MODES}
            cells = ["%7.3f (%3.0f%%)" % (med[m], 100 * spread(runs[m])) for m in LOADED_MODES]
            out.append("  %-14s %-7s %15s %15s %15s %15s %6.2f %6.2f" % (
                w.name, column, *cells, overhead_ratio(med), overhead_ratio(med, SPIN_OFF)))
        for than in (SPIN_OFF, STRACE):
            diff, interval, met = _no_slower(times, w.name, EPOLLTRACE, than)
            mark = verdicts.mark("loaded %s: epolltrace no slower than %s" % (w.name, than),
                                 met)
            out.append("    loaded: epolltrace - %s per round: median %+.3f s, 95%%"
                       " interval %s (must reach 0, and stay under +%.0f%% of strace's"
                       " overhead); no slower: %s" % (than, diff, _interval_text(interval),
                                                     100 * PRECISION, mark))
    return out
