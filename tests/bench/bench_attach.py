"""Attach mode: a long-lived workload, a tracer attaching with -p to it,
and the time of the work done once every thread is traced."""

import os
import subprocess
import time

from bench_rounds import RUN_TIMEOUT, BenchError, check_exit
from bench_workloads import EchoServer

ATTACH_TIMEOUT = 20


def traced_by(pid):
    """Whether every thread of pid has a tracer (False if it is gone)."""
    try:
        tids = os.listdir("/proc/%d/task" % pid)
        for tid in tids:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as status:
                for line in status:
                    if line.startswith("TracerPid:") and int(line.split()[1]) == 0:
                        return False
        return bool(tids)
    except (FileNotFoundError, ProcessLookupError):
        return False


def attach(argv, pid):
    """Starts the tracer argv and returns it once it traces all of pid."""
    tracer = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    deadline = time.monotonic() + ATTACH_TIMEOUT
    while not traced_by(pid):
        if tracer.poll() is not None or time.monotonic() > deadline:
            tracer.kill()
            _, err = tracer.communicate()
            raise BenchError("%s did not attach: %s" % (argv[0], err.decode(errors="replace")))
        time.sleep(0.005)
    return tracer


def run_attached(target, attach_argv):
    """Seconds of target's work with attach_argv(pid) attached (None: untraced).

    target.start() returns (process, state), ready for a tracer;
    target.drive(process, state) does the work, returns its time and waits
    for the process to exit, after which the tracer exits too.
    """
    proc, state = target.start()
    tracer = None
    try:
        argv = attach_argv(proc.pid)
        if argv:
            tracer = attach(argv, proc.pid)
        seconds = target.drive(proc, state)
        if tracer:
            _, err = tracer.communicate(timeout=RUN_TIMEOUT)
            check_exit(tracer, argv[0], err)
        return seconds
    finally:
        for p in (proc, tracer):
            if p and p.poll() is None:
                p.kill()
                p.wait()


class HandshakeProgram:
    """A C workload following handshake.h: it reports its own time."""

    def __init__(self, name, argv):
        self.name = name
        self.argv = argv

    def start(self):
        proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        if proc.stdout.readline() != b"ready\n":
            raise BenchError("%s did not say ready" % self.argv[0])
        return proc, None

    def drive(self, proc, _state):
        out, err = proc.communicate(b"go\n", timeout=RUN_TIMEOUT)
        check_exit(proc, self.argv[0], err)
        return float(out)


class AttachedEcho:
    """The asyncio echo server started untraced, attached to, then timed
    from the client's first request to its last answer."""

    def __init__(self, name, client, iterations):
        self.name = name
        self.echo = EchoServer(name, client, iterations)

    def start(self):
        return self.echo.start([])

    def drive(self, server, port):
        start = time.monotonic()
        self.echo.drive(server, port)
        return time.monotonic() - start


def attach_workloads(progs, scale):
    def n(name):
        return max(1, int(ATTACH_COUNTS[name] * scale))

    return [
        HandshakeProgram("ping-pong", [os.path.join(progs, "pingpong"), "-w",
                                       str(n("ping-pong")), "1"]),
        AttachedEcho("asyncio echo", os.path.join(progs, "echo_client"), n("asyncio echo")),
    ]


# Fewer than in command mode: attached, every call stops, not only
# epoll's, so a round trip costs three times the stops.
ATTACH_COUNTS = {"ping-pong": 7000, "asyncio echo": 3000}
