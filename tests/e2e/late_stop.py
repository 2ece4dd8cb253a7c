#!/usr/bin/env python3
"""The terminal's stop signal reaching epolltrace after its command.

    late_stop.py DEADLINE LOG EPOLLTRACE [OPTION...] COMMAND...

A terminal sends Ctrl-Z's SIGTSTP to its foreground process group one
task at a time, so epolltrace may see its command stopped before its own
copy arrives.  This plays that order out, as a shell would see it: it
starts "EPOLLTRACE -o LOG [OPTION...] COMMAND..." (tests/progs/tty_wait,
or a command that starts it) in a process group of its own, with pipes
for the program's stdin and stdout, and

  waiting     reads the program's "waiting pid=PID nr=NR" line
  asleep      waits until the program sleeps in its epoll_wait
  seen        sends SIGTSTP to the program alone and waits until LOG
              shows epolltrace saw it stopped; epolltrace must not
              stop yet, as nothing asked it to
  stopped     sends SIGTSTP to epolltrace, late, and waits for it to
              stop, as the shell's waitpid(WUNTRACED) would
  resumed     sends SIGCONT to the group ("fg") and waits until the
              program sleeps in epoll_wait again
  finished    writes "go" and reads the program's "interrupted N" line
  status      waits for epolltrace's exit status

and prints what it found as KEY=VALUE lines.  A step not done before
DEADLINE seconds (overall) is reported as "timeout=STEP": only a guard
against hangs; epolltrace is then killed, and its command with it.
"""

import os
import re
import select
import signal
import sys
import time

from pty_session import proc_stat, sleeps_in


class Timeout(Exception):
    pass


def report(key, value):
    print(f"{key}={value}", flush=True)


class Run:
    def __init__(self, deadline, argv):
        self.deadline = time.monotonic() + deadline
        stdin_r, self.stdin = os.pipe()
        self.stdout, stdout_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.setpgid(0, 0)
                os.dup2(stdin_r, 0)
                os.dup2(stdout_w, 1)
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        # Both sides set it, so that it is set whichever runs first.
        try:
            os.setpgid(self.pid, self.pid)
        except OSError:
            pass
        os.close(stdin_r)
        os.close(stdout_w)
        self.output = b""
        self.status = None

    def until(self, step, predicate):
        while not predicate():
            if time.monotonic() >= self.deadline:
                raise Timeout(step)
            time.sleep(0.002)

    def line(self, step, pattern):
        """Reads the program's output until pattern matches a line."""
        while True:
            match = re.search(pattern, self.output.decode("utf-8", "replace"))
            if match:
                return match
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise Timeout(step)
            if not select.select([self.stdout], [], [], left)[0]:
                continue
            data = os.read(self.stdout, 4096)
            if not data:
                raise Timeout(step + " (the output closed)")
            self.output += data

    def tracer_changed(self):
        """True once epolltrace stopped or ended (its wait status is kept)."""
        pid, status = os.waitpid(self.pid, os.WNOHANG | os.WUNTRACED)
        if pid == 0:
            return False
        self.status = status
        return True


def log_shows(path, text):
    try:
        with open(path) as f:
            return text in f.read()
    except OSError:
        return False


def run(r, log):
    match = r.line("waiting", r"waiting pid=(\d+) nr=(\d+)\n")
    pid, nr = int(match.group(1)), int(match.group(2))
    report("waiting", "yes")
    r.until("asleep", lambda: sleeps_in(pid, nr))
    report("asleep", "yes")

    os.kill(pid, signal.SIGTSTP)
    r.until("seen", lambda: log_shows(log, "--- stopped by SIGTSTP ---"))
    report("tracer_running_before_its_copy", "no" if r.tracer_changed() else "yes")
    stat = proc_stat(pid)
    report("state", stat[0] if stat else "gone")

    os.kill(r.pid, signal.SIGTSTP)
    r.until("stopped", lambda: r.status is not None or r.tracer_changed())
    if not os.WIFSTOPPED(r.status):
        report("tracer_ended", r.status)
        return
    report("tracer_stop", signal.Signals(os.WSTOPSIG(r.status)).name)

    os.killpg(r.pid, signal.SIGCONT)
    r.until("resumed", lambda: sleeps_in(pid, nr))
    report("resumed", "yes")

    os.write(r.stdin, b"go\n")
    match = r.line("finished", r"interrupted (\d+)\n")
    report("interrupted", match.group(1))
    r.status = None
    r.until("status", r.tracer_changed)
    report("status", os.waitstatus_to_exitcode(r.status))


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    deadline, log, epolltrace = sys.argv[1:4]
    r = Run(float(deadline), [epolltrace, "-o", log] + sys.argv[4:])
    try:
        run(r, log)
    except Timeout as e:
        report("timeout", e)
        try:
            os.kill(r.pid, signal.SIGKILL)
            os.waitpid(r.pid, 0)
        except OSError:  # it had ended, and was waited for
            pass
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
