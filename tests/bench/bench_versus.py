"""Two builds of epolltrace side by side (issue 12): `make bench-versus
BEFORE=/path/to/the/older/epolltrace`.

A change that must leave the speed as it was cannot be shown by two
`make bench` runs minutes apart: the machine's other load comes and goes
between them by more than the gap.  Here both tracers run the same
workload programs in the same interleaved rounds, next to each other,
with untraced and strace runs for the ratios.  The verdict takes the
per-round differences (this build - the other), as a fraction of strace's
overhead, and bounds their typical value as the loaded column bounds its
ratios (bench_paired: Hodges-Lehmann, Wilcoxon signed-rank).  Each claim
is one-sided, so each bound holds with 95% confidence on its own side:
"slower" when the lower bound lies above 0, "no slower" when it reaches
0 or below and the upper bound stays under a tenth of strace's overhead,
and "cannot tell" when the run was too noisy for either.
"""

from bench_attach import attach_workloads, run_attached
from bench_modes import EPOLLTRACE, STRACE, UNTRACED, attach_argv, command_prefix
from bench_paired import signed_rank_bounds
from bench_report import overhead_ratio
from bench_rounds import median, run_rounds, spread
from bench_workloads import command_workloads

BEFORE = "before"
VERSUS_MODES = (UNTRACED, STRACE, EPOLLTRACE, BEFORE)
# The gap the run must be precise enough to exclude, as a share of
# strace's overhead.
PRECISION = 0.1


def _tracer_of(mode, tracer, before):
    return before if mode == BEFORE else tracer


def _command_groups(workloads, tracer, before):
    def job(w, m):
        mode = EPOLLTRACE if m == BEFORE else m
        prefix = command_prefix(mode, _tracer_of(m, tracer, before),
                                opts=getattr(w, "tracer_opts", ()))
        return lambda: w.run(prefix)
    return [[(("command", w.name, m), job(w, m)) for m in VERSUS_MODES] for w in workloads]


def _attach_groups(targets, tracer, before):
    def job(t, m):
        mode = EPOLLTRACE if m == BEFORE else m
        return lambda: run_attached(
            t, lambda pid: attach_argv(mode, _tracer_of(m, tracer, before), pid))
    return [[(("attach", t.name, m), job(t, m)) for m in VERSUS_MODES] for t in targets]


def _verdict(runs):
    """(typical difference as a share of strace's overhead, bounds, word)."""
    strace_cost = median(runs[STRACE]) - median(runs[UNTRACED])
    diffs = [(a - b) / strace_cost for a, b in zip(runs[EPOLLTRACE], runs[BEFORE])]
    estimate, low, high = signed_rank_bounds(diffs)
    interval = (low, high) if low is not None else None
    if interval is None:
        word = "too few rounds"
    elif interval[0] > 0:
        word = "SLOWER"
    elif interval[1] < PRECISION:
        word = "no slower"
    else:
        word = "cannot tell"
    return estimate, interval, word


def _table(mode_label, names, times):
    out = ["%s mode" % mode_label,
           "  %-18s %15s %15s %15s %15s %7s %7s  %-26s %s" % (
               "workload", UNTRACED, STRACE, "this", BEFORE, "ratio", "before",
               "this - before [95% bounds]", "verdict")]
    verdicts = []
    for name in names:
        runs = {m: times[(mode_label, name, m)] for m in VERSUS_MODES}
        med = {m: median(runs[m]) for m in VERSUS_MODES}
        cells = ["%7.3f (%3.0f%%)" % (med[m], 100 * spread(runs[m])) for m in VERSUS_MODES]
        diff, interval, word = _verdict(runs)
        bounds = "[%+.2f, %+.2f]" % interval if interval else "[-]"
        out.append("  %-18s %15s %15s %15s %15s %7.2f %7.2f  %+.2f %-20s %s" % (
            name, *cells, overhead_ratio(med), overhead_ratio(med, BEFORE), diff, bounds,
            word))
        verdicts.append(word)
    return out, verdicts


def versus_section(progs, tracer, before, scale, rounds, progress=None, only=None):
    """Lines of both tables and a closing summary; only: the workloads'
    names to run (all when None), to give the unclear ones more rounds."""
    def wanted(w):
        return only is None or w.name in only
    workloads = [w for w in command_workloads(progs, scale) if w.epoll_heavy and wanted(w)]
    targets = [t for t in attach_workloads(progs, scale) if wanted(t)]
    times = run_rounds(_command_groups(workloads, tracer, before)
                       + _attach_groups(targets, tracer, before), rounds, progress)
    out = ["this build (%s) against %s, the same rounds interleaved" % (tracer, before),
           "  medians in s (spread); ratio = overhead / strace's overhead; the difference"
           " is per round, in strace's overhead",
           ""]
    command, words = _table("command", [w.name for w in workloads], times)
    attach, more = _table("attach", [t.name for t in targets], times)
    words += more
    out += command + [""] + attach + [""]
    out.append("summary: %d workloads: %d no slower, %d cannot tell, %d slower" % (
        len(words), words.count("no slower"), words.count("cannot tell"),
        words.count("SLOWER")))
    return out
