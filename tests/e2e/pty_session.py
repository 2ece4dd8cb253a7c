#!/usr/bin/env python3
"""Ctrl-Z and fg in an interactive shell, as a user at a terminal does them.

    pty_session.py DEADLINE TRANSCRIPT COMMAND [ARGS...]

Starts "bash --norc --noprofile -i" in a new pseudo-terminal, types COMMAND
(tests/progs/tty_wait, traced or not) and goes through these steps, each
waiting for what the previous one must lead to, never for a guessed time:

  prompt       the shell's first prompt
  waiting      the program's marker line "waiting pid=PID nr=NR"
  asleep       the program asleep ('S') in syscall NR (its epoll_wait)
  stopped      after Ctrl-Z: the shell's job line "[N]+  Stopped..." and
               its prompt (the job line's status text is reported)
               and then the program's state and its parent's are read
  stop status  after 'echo "stop_status=$?"': the status the shell got
               for the stopped job (128 + the stop signal)
  resumed      after "fg": the program asleep in epoll_wait again
  finished     after "go": the program's "interrupted N" line and a prompt
  status       after 'echo "status=$?"': the program's exit status
  exit         after "exit": the shell's end

Prints what it found as KEY=VALUE lines on stdout, for the test to check;
a step that does not come before DEADLINE seconds (overall) is reported as
"timeout=STEP" and ends the session: only a guard against hangs.  The whole
output of the terminal is written to TRANSCRIPT.
"""

import fcntl
import os
import re
import select
import shlex
import signal
import struct
import sys
import termios
import time


# Unlikely to turn up in anything else the terminal shows.
PROMPT = "epolltrace-jc-prompt> "
PROMPT_RE = re.escape(PROMPT)


class Timeout(Exception):
    def __init__(self, step):
        super().__init__(step)
        self.step = step


def report(key, value):
    print(f"{key}={value}", flush=True)


def proc_stat(pid):
    """(state, ppid) of pid from /proc/PID/stat, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    # The command name in parentheses may hold spaces; the state follows it.
    fields = stat[stat.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def sleeps_in(pid, nr):
    """True when pid is asleep ('S', not a stop) inside syscall nr."""
    try:
        with open(f"/proc/{pid}/syscall") as f:
            current = f.read().split()
    except OSError:
        return False
    stat = proc_stat(pid)
    return bool(current) and current[0] == str(nr) and stat is not None \
        and stat[0] == "S"


class Session:
    def __init__(self, deadline, argv):
        self.deadline = time.monotonic() + deadline
        self.output = b""
        self.pos = 0  # where the next expect() starts looking
        self.eof = False
        self.kill = []  # pids to kill should the session fail
        env = dict(os.environ, PS1=PROMPT, PS2="", HISTFILE="", TERM="dumb",
                   INPUTRC="/dev/null")
        env.pop("PROMPT_COMMAND", None)
        master, slave = os.openpty()
        # Wide enough that the shell never wraps the command line.
        fcntl.ioctl(master, termios.TIOCSWINSZ,
                    struct.pack("HHHH", 50, 1000, 0, 0))
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(master)
                # Python ignores SIGPIPE; the shell must not inherit that.
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in range(3):
                    os.dup2(slave, fd)
                os.close(slave)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.fd = master

    def remaining(self):
        return self.deadline - time.monotonic()

    def pump(self, timeout):
        """Reads what the terminal has, waiting at most timeout seconds."""
        if self.eof:
            if timeout > 0:
                time.sleep(min(timeout, 0.01))
            return
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # EIO: the shell and all its jobs closed the tty
            data = b""
        if data:
            self.output += data
        else:
            self.eof = True

    def text(self):
        return self.output.decode("utf-8", "replace")

    def expect(self, step, pattern):
        """Waits until pattern shows up after the previous match."""
        regex = re.compile(pattern, re.S)
        while True:
            match = regex.search(self.text(), self.pos)
            if match:
                self.pos = match.end()
                return match
            if self.eof:
                raise Timeout(step + " (the terminal closed)")
            if self.remaining() <= 0:
                raise Timeout(step)
            self.pump(min(self.remaining(), 0.5))

    def wait_until(self, step, predicate):
        """Waits until predicate() holds, reading the terminal meanwhile."""
        while not predicate():
            if self.remaining() <= 0:
                raise Timeout(step)
            self.pump(0.002)

    def send(self, text):
        os.write(self.fd, text.encode())

    def close(self, kill):
        """Ends the session and returns the shell's wait status; with
        kill, first kills what is left of it: the pids noted in
        self.kill (all our descendants) and the shell."""
        if kill:
            for pid in self.kill + [self.pid]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        os.close(self.fd)
        return os.waitpid(self.pid, 0)[1]


def run(session, command):
    """The steps, reported as they succeed."""
    session.expect("prompt", PROMPT_RE)
    session.send(shlex.join(command) + "\n")
    match = session.expect("waiting", r"waiting pid=(\d+) nr=(\d+)\r?\n")
    pid, nr = int(match.group(1)), int(match.group(2))
    stat = proc_stat(pid)
    parent = stat[1] if stat else None
    # The tracer first: its death kills the command (PTRACE_O_EXITKILL).
    if parent is not None and parent != session.pid:
        session.kill.append(parent)
    session.kill.append(pid)
    report("waiting", "yes")

    session.wait_until("asleep", lambda: sleeps_in(pid, nr))
    report("asleep", "yes")

    session.send("\x1a")
    match = session.expect("stopped",
                           r"\[\d+\]\+\s+(Stopped(?: \([^)]*\))?)")
    report("job_line", match.group(1))
    session.expect("stopped", PROMPT_RE)
    report("prompt_after_stop", "yes")
    stat = proc_stat(pid)
    report("state", stat[0] if stat else "gone")
    if parent is not None:
        parent_stat = proc_stat(parent)
        report("parent_is_shell", "yes" if parent == session.pid else "no")
        report("parent_state", parent_stat[0] if parent_stat else "gone")

    # What the shell says of the stop: 128 + the stop signal's number.
    session.send('echo "stop_status=$?"\n')
    match = session.expect("stop status", r"stop_status=(\d+)\r?\n")
    report("stop_status", match.group(1))
    session.expect("stop status", PROMPT_RE)

    session.send("fg\n")
    session.wait_until("resumed", lambda: sleeps_in(pid, nr))
    report("resumed", "yes")

    session.send("go\n")
    match = session.expect("finished", r"interrupted (\d+)\r?\n")
    report("interrupted", match.group(1))
    session.expect("finished", PROMPT_RE)
    report("prompt_after_go", "yes")

    session.send('echo "status=$?"\n')
    match = session.expect("status", r"status=(\d+)\r?\n")
    report("status", match.group(1))
    session.expect("status", PROMPT_RE)

    session.send("exit\n")
    while not session.eof:
        if session.remaining() <= 0:
            raise Timeout("exit")
        session.pump(session.remaining())


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    deadline = float(sys.argv[1])
    transcript = sys.argv[2]
    command = sys.argv[3:]
    session = Session(deadline, ["bash", "--norc", "--noprofile", "-i"])
    failed = True
    try:
        run(session, command)
        failed = False
    except Timeout as e:
        report("timeout", e.step)
    finally:
        status = session.close(failed)
        with open(transcript, "wb") as f:
            f.write(session.output)
    if not failed:
        report("shell_exit", os.waitstatus_to_exitcode(status))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
