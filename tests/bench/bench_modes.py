"""The three ways the benchmark runs a workload, as command prefixes.

Both tracers write to /dev/null, so that the cost compared is tracing and
formatting, not the disk.  The strace set is the calls epolltrace decodes.
"""
import os

UNTRACED, STRACE, EPOLLTRACE = "untraced", "strace", "epolltrace"
MODES = (UNTRACED, STRACE, EPOLLTRACE)
# epolltrace with its poll-before-sleep off, for the loaded column.
SPIN_OFF = "--spin=0"
# epolltrace's seccomp filter loaded with no tracer (tests/bench/filter_only):
# what a call that is not stopped costs at the least.
FILTER_ONLY = "filter only"
# The same filter under tests/bench/bare_stops, a tracer that takes the two
# stops of each trapped call and does nothing else: what the stops alone
# cost, which epolltrace can only match, within the noise.
BARE_STOPS = "bare stops"


def syscall_list(key):
    """A list of arch/syscalls.csv, from the build's tests/syscalls.env."""
    with open(os.path.join(os.environ["TESTS_BUILDDIR"], "syscalls.env")) as f:
        lists = dict(line.rstrip("\n").split("=", 1) for line in f if not line.startswith("#"))
    return lists[key].split(",")


EPOLL_SET = ",".join(syscall_list("EPOLL_DECODED"))


def command_prefix(mode, tracer, out="/dev/null", opts=()):
    """argv to put before a command to run it in this mode; opts go to either tracer."""
    if mode == UNTRACED:
        return []
    if mode == STRACE:
        return ["strace", "-f", "--seccomp-bpf", "-qq",
                "-e", "trace=" + EPOLL_SET, *opts, "-o", out]
    if mode == SPIN_OFF:
        return [tracer, "-qq", "--spin=0", *opts, "-o", out]
    return [tracer, "-qq", *opts, "-o", out]


def attach_argv(mode, tracer, pid, out="/dev/null"):
    """argv of the tracer attaching to pid, or None when untraced.

    strace has no seccomp filter in attach mode: it stops at every call,
    like epolltrace -p does.
    """
    if mode == UNTRACED:
        return None
    if mode == STRACE:
        return ["strace", "-f", "-qq", "-p", str(pid), "-o", out]
    return [tracer, "-qq", "-p", str(pid), "-o", out]
