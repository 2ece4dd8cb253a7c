"""--top's cost: a workload under --top --batch, beside plain tracing.

--top counts every call as -c does and turns --diagnose on; the view itself
is drawn once per interval, never per call.  So beside plain tracing the
table shows the same workload under --diagnose -c (the same counting and
model, no view) and under --top --batch at a 0.1 s interval (ten frames a
second, more than a person reads): the view's own cost is the difference
between those two.
"""

from bench_modes import EPOLLTRACE, STRACE, UNTRACED, command_prefix
from bench_report import overhead_ratio, per_call_us
from bench_rounds import median, spread

COUNTED = "--diagnose -c"
TOP = "--top --batch"
TOP_MODES = (UNTRACED, STRACE, EPOLLTRACE, COUNTED, TOP)
TOP_WORKLOAD = "ping-pong"


def top_prefix(mode, tracer):
    if mode == COUNTED:
        return [tracer, "-qq", "--diagnose", "-c", "-o", "/dev/null"]
    if mode == TOP:
        return [tracer, "-qq", "--top", "--batch", "--interval=0.1", "-o", "/dev/null"]
    return command_prefix(mode, tracer)


def top_groups(workload, tracer):
    """One group of run_rounds: the workload in each mode."""
    return [((workload.name, m), lambda m=m: workload.run(top_prefix(m, tracer)))
            for m in TOP_MODES]


def top_lines(name, times, calls):
    med = {m: median(times[(name, m)]) for m in TOP_MODES}
    out = ["--top: %s under --top --batch -o /dev/null (frames every 0.1 s to /dev/null)"
           " beside plain tracing" % name,
           "  times are medians in s (spread); ratio = (traced - untraced) / (strace - untraced)",
           "  %-15s %15s %9s %9s" % ("mode", "time", "ratio", "us/call")]
    for m in TOP_MODES:
        ratio = "-" if m in (UNTRACED, STRACE) else "%.2f" % overhead_ratio(med, m)
        out.append("  %-15s %7.3f (%3.0f%%) %9s %9.2f" % (
            m, med[m], 100 * spread(times[(name, m)]), ratio, per_call_us(med, m, calls)))
    out.append("  the view's own cost (--top --batch - --diagnose -c): %+.3f us/call" % (
        per_call_us(med, TOP, calls) - per_call_us(med, COUNTED, calls)))
    return out
