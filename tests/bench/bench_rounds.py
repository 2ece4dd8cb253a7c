"""Running workloads in interleaved rounds, and the statistics kept."""

import re
import statistics
import subprocess
import tempfile
import time

# Generous: a run that takes this long is stuck, not slow.
RUN_TIMEOUT = 300


class BenchError(Exception):
    """A workload failed: its times would mean nothing."""


def check_exit(proc, what, stderr=b""):
    if proc.returncode != 0:
        raise BenchError("%s exited with %s: %s" % (
            what, proc.returncode, (stderr or b"").decode(errors="replace").strip()))


def timed_run(argv):
    """Wall seconds of one run of argv, on the monotonic clock."""
    start = time.monotonic()
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
    elapsed = time.monotonic() - start
    check_exit(proc, " ".join(argv), proc.stderr)
    return elapsed


def run_rounds(groups, rounds, progress=None):
    """Runs every job of every group once per round; returns {key: [seconds]}.

    groups is a list of lists of (key, job), job() returning seconds.  A
    round runs each group's jobs back to back (A B C), and the next round
    starts the order one further (B C A), so that a slow drift of the
    machine, or a job that leaves the caches cold for the one after it,
    is spread over all the modes instead of loading one of them.
    """
    times = {}
    for r in range(rounds):
        for group in groups:
            shift = r % len(group)
            for key, job in group[shift:] + group[:shift]:
                times.setdefault(key, []).append(job())
        if progress:
            progress(r + 1, rounds)
    return times


def median(values):
    return statistics.median(values)


def spread(values):
    """(max - min) / median, the run-to-run noise of one figure."""
    return (max(values) - min(values)) / median(values)


# strace -o lines that start a call ("PID name(") rather than resume one.
CALL_LINE = re.compile(r"^\d+\s+\w+\(")


def count_calls(run_with_prefix, prefix_to):
    """How many calls strace reports for one run of a workload.

    run_with_prefix(prefix) runs the workload; prefix_to(path) is strace's
    prefix writing to path.  This untimed run doubles as the warm-up.
    """
    with tempfile.NamedTemporaryFile(prefix="epolltrace-bench-", suffix=".trace") as out:
        run_with_prefix(prefix_to(out.name))
        with open(out.name, errors="replace") as lines:
            return sum(1 for line in lines if CALL_LINE.match(line))
