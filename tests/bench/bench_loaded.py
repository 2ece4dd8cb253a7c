"""The loaded column (issue 16): command mode with a CPU hog on every core.

epolltrace's poll-before-sleep (--spin) saves wake-ups on an idle machine
but could take a CPU from the tracee on a busy one.  The epoll-heavy
workloads run beside a busy loop on every CPU, untraced, under strace,
under epolltrace and under epolltrace --spin=0, in the same rounds, and
epolltrace and --spin=0 once more with no hog, to show what the spin
saves there.  The target: under load, epolltrace is no slower than
--spin=0 and no slower than strace, judged round by round
(bench_paired.py), since a single loaded run varies by more than the
gaps compared.

A loaded run varies more than an idle one, so the column takes more
rounds than the others, of shorter runs, to stay within minutes.
"""

import os
import subprocess

from bench_modes import EPOLLTRACE, SPIN_OFF, STRACE, UNTRACED, command_prefix
from bench_paired import LEVEL, MARGIN, Comparison
from bench_report import overhead_ratio
from bench_rounds import median, run_rounds, spread
from bench_workloads import command_workloads

LOADED_MODES = (UNTRACED, STRACE, EPOLLTRACE, SPIN_OFF)
IDLE_MODES = (EPOLLTRACE, SPIN_OFF)
IDLE, LOADED = "idle", "loaded"
# The column's default rounds, whatever --rounds the other tables take.
LOADED_ROUNDS = 15
# Its runs do this share of the other tables' iterations.
LOADED_SCALE = 0.5


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


def _groups(workloads, tracer):
    groups = []
    for w in workloads:
        def job(m, w=w):
            prefix = command_prefix(m, tracer, opts=getattr(w, "tracer_opts", ()))
            return lambda: w.run(prefix)
        groups.append([((w.name, LOADED, m), _loaded_job(job(m))) for m in LOADED_MODES]
                      + [((w.name, IDLE, m), job(m)) for m in IDLE_MODES])
    return groups


def _table(workloads, times):
    out = ["  medians in s (spread); ratio = overhead / strace's overhead, as in the"
           " other tables",
           "  %-16s %15s %15s %15s %15s %6s %7s" % (
               "workload", UNTRACED, STRACE, EPOLLTRACE, SPIN_OFF, "ratio", "r spin0")]
    for w in workloads:
        runs = {m: times[(w.name, LOADED, m)] for m in LOADED_MODES}
        med = {m: median(runs[m]) for m in LOADED_MODES}
        cells = ["%7.3f (%3.0f%%)" % (med[m], 100 * spread(runs[m])) for m in LOADED_MODES]
        out.append("  %-16s %15s %15s %15s %15s %6.2f %7.2f" % (
            w.name, *cells, overhead_ratio(med), overhead_ratio(med, SPIN_OFF)))
    return out


def _verdicts(workloads, times, verdicts):
    out = ["  epolltrace's time over the other's in the same round: typical ratio"
           " [%.0f%% bounds] (bench_paired.py);" % (100 * LEVEL),
           "  no slower unless the lower bound is above %.2f; \"shown\" when the upper"
           " one is below it too" % (1 + MARGIN),
           "  %-16s %-42s %-42s %s" % ("workload", "loaded / " + SPIN_OFF, "loaded / " + STRACE,
                                        "idle / " + SPIN_OFF + " (no target)")]
    for w in workloads:
        cells = []
        for than in (SPIN_OFF, STRACE):
            c = Comparison(times[(w.name, LOADED, EPOLLTRACE)], times[(w.name, LOADED, than)])
            mark = verdicts.mark("loaded %s: epolltrace no slower than %s" % (w.name, than),
                                 c.no_slower)
            cells.append("%s %s (%s)" % (c.text(), mark, c.verdict))
        idle = Comparison(times[(w.name, IDLE, EPOLLTRACE)], times[(w.name, IDLE, SPIN_OFF)])
        out.append("  %-16s %-42s %-42s %s" % (w.name, *cells, idle.text()))
    return out


def loaded_section(progs, tracer, scale, rounds, verdicts, progress=None):
    workloads = [w for w in command_workloads(progs, scale * LOADED_SCALE) if w.epoll_heavy]
    times = run_rounds(_groups(workloads, tracer), rounds, progress)
    return (["loaded: command mode beside a busy loop on each of %d CPUs, %d rounds of"
             " %g of the iterations; epolltrace and %s also idle, in the same rounds" % (
                 os.cpu_count() or 1, rounds, LOADED_SCALE, SPIN_OFF)]
            + _table(workloads, times) + _verdicts(workloads, times, verdicts))
