"""--backend=bpf (issue 16): attached to running workloads against
strace -f -p, and one command-mode row against strace --seccomp-bpf,
with the records the ring buffer lost (the target is none)."""

import os
import re
import select
import subprocess
import time

from bench_attach import ATTACH_COUNTS, ATTACH_TIMEOUT, AttachedEcho, HandshakeProgram, attach
from bench_modes import EPOLL_SET, STRACE, UNTRACED, command_prefix
from bench_report import overhead_ratio, per_call_us
from bench_rounds import RUN_TIMEOUT, BenchError, check_exit, count_calls, median, run_rounds, spread
from bench_workloads import ECHO_YY, Program, iterations

BPF = "epolltrace bpf"
BPF_MODES = (UNTRACED, STRACE, BPF)
ATTACH_TARGET = 0.05
COMMAND_TARGET = 0.1
LOST = re.compile(rb"^epolltrace: (\d+) calls lost \([^)]*\)$", re.M)


def bpf_unavailable(tracer):
    """Why --backend=bpf cannot run here (its one line), or None."""
    p = subprocess.run([tracer, "--backend=bpf", "--", "true"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return p.stderr.decode(errors="replace").strip() if p.returncode else None


class Tracer:
    """A tracer attached to pid: strace once every thread has it as its
    tracer, epolltrace --backend=bpf (which stops none) once it says so."""

    def __init__(self, mode, tracer, pid, opts):
        self.argv = attach_argv(mode, tracer, pid, opts)
        self.early = b""
        if mode == STRACE:
            self.proc = attach(self.argv, pid)
            return
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + ATTACH_TIMEOUT
        while b"(eBPF backend)" not in self.early:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.proc.stderr], [], [], max(left, 0))
            chunk = os.read(self.proc.stderr.fileno(), 4096) if ready else b""
            if not chunk:
                self.proc.kill()
                raise BenchError("%s did not attach: %s" % (tracer, self.early.decode(
                    errors="replace")))
            self.early += chunk

    def finish(self):
        """Waits for its end; returns the calls its ring buffer lost."""
        _, err = self.proc.communicate(timeout=RUN_TIMEOUT)
        err = self.early + err
        check_exit(self.proc, self.argv[0], err)
        return sum(int(n) for n in LOST.findall(err))


def attach_argv(mode, tracer, pid, opts=()):
    if mode == STRACE:
        return ["strace", "-f", "-qq", *opts, "-p", str(pid), "-o", "/dev/null"]
    return [tracer, "--backend=bpf", *opts, "-p", str(pid), "-o", "/dev/null"]


def run_attached(target, mode, tracer, opts, lost):
    """Seconds of target's work with mode's tracer attached; adds its lost calls to lost."""
    proc, state = target.start()
    t = None
    try:
        if mode != UNTRACED:
            t = Tracer(mode, tracer, proc.pid, opts)
        seconds = target.drive(proc, state)
        if t:
            lost[mode] = lost.get(mode, 0) + t.finish()
        return seconds
    finally:
        for p in (proc, t.proc if t else None):
            if p and p.poll() is None:
                p.kill()
                p.wait()


class Attached:
    def __init__(self, target, opts=()):
        self.target = target
        self.name = target.name
        self.opts = opts


def attach_targets(progs, scale):
    def n(name):
        return str(max(1, int(ATTACH_COUNTS.get(name, ATTACH_COUNTS["ping-pong"]) * scale)))

    pingpong = os.path.join(progs, "pingpong")
    client = os.path.join(progs, "echo_client")
    return [
        Attached(HandshakeProgram("ping-pong", [pingpong, "-w", n("ping-pong"), "1"])),
        Attached(HandshakeProgram("4 threads", [pingpong, "-w", n("ping-pong"), "2"])),
        Attached(AttachedEcho("asyncio echo", client, int(n("asyncio echo")))),
        Attached(AttachedEcho(ECHO_YY, client, int(n("asyncio echo"))), ("-yy",)),
    ]


def row(name, calls, times, target, verdicts, label, lost):
    med = {m: median(times[(name, m)]) for m in BPF_MODES}
    ratio = overhead_ratio(med, BPF)
    met = verdicts.mark("%s %s bpf ratio" % (label, name), ratio <= target)
    lost_ok = verdicts.mark("%s %s bpf lost calls" % (label, name), lost.get(BPF, 0) == 0)
    cells = ["%7.3f (%3.0f%%)" % (med[m], 100 * spread(times[(name, m)])) for m in BPF_MODES]
    return "  %-18s %8d %15s %15s %15s %6.3f  <=%.2f %s %9.2f %9.2f %8d %s" % (
        name, calls, *cells, ratio, target, met, per_call_us(med, STRACE, calls),
        per_call_us(med, BPF, calls), lost.get(BPF, 0), lost_ok)


HEADER = "  %-18s %8s %15s %15s %15s %6s  %-10s %9s %9s %8s" % (
    "workload", "calls", UNTRACED, STRACE, BPF, "ratio", "target", "us/call st",
    "us/call bp", "lost")


def bpf_section(progs, tracer, scale, rounds, verdicts, progress):
    out = ["--backend=bpf, attach mode: strace -f -p vs epolltrace --backend=bpf -p",
           "  times are medians in s; lost: calls the ring buffer lost over all rounds", HEADER]
    for a in attach_targets(progs, scale):
        lost = {}
        calls = attached_calls(a)
        group = [((a.name, m), lambda a=a, m=m: run_attached(a.target, m, tracer, a.opts, lost))
                 for m in BPF_MODES]
        times = run_rounds([group], rounds, progress)
        out.append(row(a.name, calls, times, ATTACH_TARGET, verdicts, "attach", lost))
    out += ["--backend=bpf, command mode: strace -f --seccomp-bpf vs epolltrace --backend=bpf",
            HEADER]
    four = Program("4 threads", [os.path.join(progs, "pingpong"),
                                 str(iterations("4 threads", scale)), "2"])
    calls = count_calls(four.run, lambda path: command_prefix(STRACE, None, path))
    lost = {}

    def bpf_run():
        start = time.monotonic()
        p = subprocess.run([tracer, "-qq", "--backend=bpf", "-o", "/dev/null"] + four.argv,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
        took = time.monotonic() - start
        check_exit(p, tracer, p.stderr)
        lost[BPF] = lost.get(BPF, 0) + sum(int(n) for n in LOST.findall(p.stderr))
        return took

    group = [((four.name, UNTRACED), lambda: four.run([])),
             ((four.name, STRACE), lambda: four.run(command_prefix(STRACE, tracer))),
             ((four.name, BPF), bpf_run)]
    times = run_rounds([group], rounds, progress)
    out.append(row(four.name, calls, times, COMMAND_TARGET, verdicts, "command", lost))
    return out


def attached_calls(a, workdir="/tmp"):
    """The epoll calls of one attached run, as strace -c counts them."""
    proc, state = a.target.start()
    t = None
    out = os.path.join(workdir, "bench-bpf-calls.%d" % os.getpid())
    try:
        t = attach(["strace", "-f", "-qq", "-c", "-e", "trace=" + EPOLL_SET, "-p", str(proc.pid),
                    "-o", out], proc.pid)
        a.target.drive(proc, state)
        t.communicate(timeout=RUN_TIMEOUT)
        with open(out, "rb") as f:
            total = re.search(rb"^\S+\s+\S+\s+\S+\s+(\d+)\s+(?:\d+\s+)?total$", f.read(), re.M)
        return int(total.group(1)) if total else 0
    finally:
        for p in (proc, t):
            if p and p.poll() is None:
                p.kill()
                p.wait()
        if os.path.exists(out):
            os.unlink(out)
