"""What the figures depend on besides the tracers: the machine, and how
busy other processes kept it while the benchmark ran.

Another build or test suite on a 2-core machine changes every figure, so
the benchmark measures how much CPU time was spent outside its own
process tree during the run (and what the hypervisor stole), and says so
beside the tables instead of leaving it to be guessed.
"""

import os
import platform
import resource
import subprocess

TICK = os.sysconf("SC_CLK_TCK")


def header_lines(rounds, scale, tracer):
    strace = subprocess.run(["strace", "-V"], capture_output=True, text=True).stdout
    return ["epolltrace benchmark: %s, %d CPUs, kernel %s, %s, %d rounds, scale %g" % (
                platform.node(), os.cpu_count(), platform.release(),
                strace.splitlines()[0] if strace else "strace ?", rounds, scale),
            "tracer: %s" % tracer]


def _busy_and_steal():
    """Seconds all CPUs spent busy (steal excluded), and stolen, since boot."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq) / TICK, steal / TICK


def _ours():
    """CPU seconds of this process and of every child it has waited for."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class Contention:
    """CPU time used outside the benchmark from construction to lines()."""

    def __init__(self):
        self.busy, self.steal = _busy_and_steal()
        self.ours = _ours()
        self.wall = os.times().elapsed

    def lines(self):
        busy, steal = _busy_and_steal()
        wall = os.times().elapsed - self.wall
        others = max(0.0, (busy - self.busy) - (_ours() - self.ours))
        capacity = wall * os.cpu_count()
        stolen = steal - self.steal
        lines = ["outside the benchmark's processes (other processes, kernel threads,"
                 " interrupts) %.1f CPU-s (%.1f%% of the machine), the hypervisor stole"
                 " %.1f CPU-s, during %.0f s; load average now %.2f %.2f %.2f" % (
                     others, 100 * others / capacity, stolen, wall, *os.getloadavg())]
        if (others + stolen) / capacity > NOISY:
            lines.append("  (other work competed for the CPUs: distrust the figures)")
        return lines


# The share of the machine above which the figures are flagged.  A guess:
# interrupts and kernel threads serving the workloads' own traffic count
# as outside work too, and their share on an idle VM is not measured yet.
NOISY = 0.03
