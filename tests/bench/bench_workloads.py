"""The workloads in command mode: each runs under a command prefix and
returns its wall time in seconds."""

import os
import subprocess
import sys
import time

from bench_rounds import RUN_TIMEOUT, BenchError, check_exit, timed_run

HERE = os.path.dirname(os.path.abspath(__file__))


class Program:
    """One of the C workload programs, timed from start to exit."""

    def __init__(self, name, argv, epoll_heavy=True):
        self.name = name
        self.argv = argv
        # Held to the 0.5 ratio target; the mixed workload has its own.
        self.epoll_heavy = epoll_heavy

    def run(self, prefix):
        return timed_run(prefix + self.argv)


class InCallsTime(Program):
    """mixed -t: the time it reports spending in its non-epoll calls.

    calls is their number, so the table's per-call columns give what each
    one costs more under each tracer, instead of a cost per traced call.
    """

    def __init__(self, name, argv, calls):
        super().__init__(name, argv, epoll_heavy=False)
        self.calls = calls

    def run(self, prefix):
        argv = prefix + self.argv
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=RUN_TIMEOUT)
        check_exit(proc, " ".join(argv), proc.stderr)
        return float(proc.stdout)


class EchoServer:
    """The asyncio echo server (asyncio_echo.py) and its C client.

    Only the server runs under the tracer, as a user would trace a server;
    the client, started beside it, runs untraced.  The time is the
    server's whole life: start, N round trips, exit.
    """

    epoll_heavy = True

    def __init__(self, name, client, iterations, tracer_opts=()):
        self.name = name
        self.client = client
        self.iterations = iterations
        # Given to strace and to epolltrace alike (bench_modes.command_prefix).
        self.tracer_opts = tracer_opts
        # The interpreter itself, not a wrapper such as a pyenv shim,
        # which would run (and be traced) on every start.
        self.server_argv = [sys.executable, os.path.join(HERE, "asyncio_echo.py")]

    def start(self, prefix):
        """Starts the server; returns it and the port it listens on."""
        server = subprocess.Popen(prefix + self.server_argv, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = server.stdout.readline()
        if not line.strip().isdigit():
            server.kill()
            _, err = server.communicate()
            raise BenchError("asyncio_echo.py printed %r, then: %s" % (
                line, err.decode(errors="replace").strip()))
        return server, int(line)

    def drive(self, server, port):
        """Runs the client against a started server and waits for both."""
        timed_run([self.client, str(port), str(self.iterations)])
        _, err = server.communicate(timeout=RUN_TIMEOUT)
        check_exit(server, "asyncio_echo.py", err)

    def run(self, prefix):
        start = time.monotonic()
        server, port = self.start(prefix)
        self.drive(server, port)
        return time.monotonic() - start


def command_workloads(progs, scale):
    """The command-mode workloads, iteration counts scaled by scale.

    Traced calls cost tens of µs each on the 2-core VM this was tuned on,
    a hundred times an untraced one, so the counts are set by the traced
    runs: 1 to 2 s under strace, which keeps the whole bench
    within minutes.  The untraced runs of the epoll-heavy workloads are
    then short (down to ~10 ms for ctl churn), but their error is a few
    ms, small next to the overhead the ratio divides.
    """
    def n(name):
        return str(iterations(name, scale))

    def prog(name):
        return os.path.join(progs, name)

    return [
        Program("ping-pong", [prog("pingpong"), n("ping-pong"), "1"]),
        Program("ctl churn", [prog("ctl_churn"), n("ctl churn"), "512"]),
        Program("wide waits", [prog("wide_waits"), n("wide waits")]),
        # "Four threads with their own pairs": two ping-pong pairs.
        Program("4 threads", [prog("pingpong"), n("4 threads"), "2"]),
        Program(MIXED, [prog("mixed"), n(MIXED), str(MIXED_OTHER)], epoll_heavy=False),
        InCallsTime(MIXED_IN_CALLS, [prog("mixed"), "-t", n(MIXED), str(MIXED_OTHER)],
                    MIXED_OTHER * iterations(MIXED, scale)),
        EchoServer("asyncio echo", prog("echo_client"), int(n("asyncio echo"))),
        # -yy names the epoll fd of every call and the sockets of the
        # control calls, which costs a sock_diag lookup a socket.
        EchoServer(ECHO_YY, prog("echo_client"), int(n(ECHO_YY)), tracer_opts=("-yy",)),
    ]


def iterations(name, scale):
    return max(1, int(COUNTS[name] * scale))


# The mixed workload (issue 5: one epoll_wait per 20 other calls), timed
# whole for its ratio, and from inside for the cost of one other call.
MIXED, MIXED_IN_CALLS = "mixed 1:20", "mixed, in getppid"
MIXED_OTHER = 20
ECHO_YY = "asyncio echo -yy"

COUNTS = {
    "ping-pong": 12000,
    "ctl churn": 6,
    "wide waits": 3000,
    "4 threads": 8000,
    MIXED: 12000,
    "asyncio echo": 7000,
    ECHO_YY: 7000,
}
