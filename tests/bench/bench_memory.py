"""The tracer's own peak memory (VmHWM) with a large interest list.

/usr/bin/time -f %M would not do: the rusage of a waited-for child also
covers the descendants it waited for, so it would report the traced
program's peak whenever that is the larger.  /proc/PID/status of the
tracer alone is read instead, once the workload has done all its calls
and before anything tells it to exit, so only the exit itself is missed.
"""

import subprocess

from bench_attach import attach
from bench_rounds import RUN_TIMEOUT, BenchError, check_exit


def vm_hwm_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise BenchError("no VmHWM for %d" % pid)


def expect_line(proc, word):
    line = proc.stdout.readline()
    if line != word + b"\n":
        raise BenchError("reg_fds said %r instead of %r" % (line, word))


def finish(proc, what):
    _, err = proc.communicate(b"", timeout=RUN_TIMEOUT)
    check_exit(proc, what, err)


def peak_command(prefix, reg_fds, nfds):
    """KiB: the tracer (prefix) runs reg_fds NFDS and is measured at "done"."""
    proc = subprocess.Popen(prefix + [reg_fds, str(nfds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        expect_line(proc, b"ready")
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
        expect_line(proc, b"done")
        kib = vm_hwm_kib(proc.pid)
        finish(proc, prefix[0])
        return kib
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def peak_attach(argv_for, reg_fds, nfds):
    """KiB: the tracer attaches to reg_fds NFDS after it registered them all."""
    proc = subprocess.Popen([reg_fds, str(nfds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    tracer = None
    try:
        expect_line(proc, b"ready")
        argv = argv_for(proc.pid)
        tracer = attach(argv, proc.pid)
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
        # The waits after "go" run only once the tracer has resumed the
        # process, which it does after printing the interest-list header.
        expect_line(proc, b"done")
        kib = vm_hwm_kib(tracer.pid)
        finish(proc, "reg_fds")
        _, err = tracer.communicate(timeout=RUN_TIMEOUT)
        check_exit(tracer, argv[0], err)
        return kib
    finally:
        for p in (proc, tracer):
            if p and p.poll() is None:
                p.kill()
                p.wait()
