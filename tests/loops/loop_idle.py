#!/usr/bin/env python3
"""loop_idle.py PID PORT CONNECTIONS: exit 0 when the server PID, serving on
127.0.0.1:PORT, is idle with exactly CONNECTIONS client connections, so
that its interest lists will not change until a client sends something:

 - it holds exactly CONNECTIONS established TCP connections on PORT, and
   no connection on PORT in any other state (one it has not closed yet);
 - each of them is registered, for EPOLLIN, in one of its epoll instances;
 - no registration of any of its instances asks for EPOLLOUT (no write is
   pending, none is about to be unregistered);
 - its main thread sleeps in an epoll wait.

Otherwise prints why not and exits 1.  Reads only /proc, so it works as
well while a tracer holds the process.

loop_idle.py --server ROOT PORT: prints the pid of the process, ROOT or
one of its descendants, that listens on 127.0.0.1:PORT; exit 1 if none."""
import os
import select
import sys


def syscall_list(key):
    """A list of arch/syscalls.csv, from the build's tests/syscalls.env."""
    with open(os.path.join(os.environ["TESTS_BUILDDIR"], "syscalls.env")) as f:
        lists = dict(line.rstrip("\n").split("=", 1) for line in f if not line.startswith("#"))
    return lists[key].split(",")


WAITS = {int(nr) for nr in syscall_list("EPOLL_WAIT_NRS_X86_64")}
TCP_ESTABLISHED, TCP_LISTEN = 0x01, 0x0A


def tcp_sockets(pid, port):
    """inode -> TCP state of the sockets whose local port is port."""
    found = {}
    for table in ("tcp", "tcp6"):
        with open("/proc/%d/net/%s" % (pid, table)) as f:
            next(f)
            for line in f:
                field = line.split()
                if int(field[1].rsplit(":", 1)[1], 16) == port:
                    found[int(field[9])] = int(field[3], 16)
    return found


def unix_sockets(pid):
    with open("/proc/%d/net/unix" % pid) as f:
        next(f)
        return {int(line.split()[6]) for line in f}


def state(pid, port):
    """(connection fds by state, registrations: tfd -> [events])."""
    tcp, unix = tcp_sockets(pid, port), unix_sockets(pid)
    conns, regs = {}, {}
    for name in os.listdir("/proc/%d/fd" % pid):
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, name))
        except FileNotFoundError:
            continue
        if target == "anon_inode:[eventpoll]":
            with open("/proc/%d/fdinfo/%s" % (pid, name)) as f:
                for line in f:
                    field = line.split()
                    if field and field[0] == "tfd:":
                        regs.setdefault(int(field[1]), []).append(int(field[3], 16))
        elif target.startswith("socket:["):
            inode = int(target[8:-1])
            if inode in tcp:
                if tcp[inode] != TCP_LISTEN:
                    conns.setdefault(tcp[inode], []).append(int(name))
            elif inode not in unix:
                # A TCP socket no table lists: closed, but its fd is not.
                conns.setdefault("closed", []).append(int(name))
    return conns, regs


def why_not_idle(pid, port, want):
    conns, regs = state(pid, port)
    why = []
    established = conns.pop(TCP_ESTABLISHED, [])
    if len(established) != want:
        why.append("%d established connections, want %d" % (len(established), want))
    for st, fds in sorted(conns.items(), key=str):
        why.append("%d connections in state %s, e.g. fd %d" % (len(fds), st, fds[0]))
    for fd in established:
        if not any(ev & select.EPOLLIN for ev in regs.get(fd, [])):
            why.append("connection fd %d is not registered for EPOLLIN" % fd)
            break
    for tfd, events in sorted(regs.items()):
        if any(ev & select.EPOLLOUT for ev in events):
            why.append("fd %d is registered for EPOLLOUT" % tfd)
            break
    with open("/proc/%d/stat" % pid) as f:
        st = f.read().rsplit(") ", 1)[1].split()[0]
    try:
        with open("/proc/%d/syscall" % pid) as f:
            call = f.read().split()[0]
    except PermissionError:  # no ptrace access: the state has to do
        call = str(min(WAITS))
    if st != "S" or not call.isdigit() or int(call) not in WAITS:
        why.append("main thread in state %s, syscall %s: not sleeping in an epoll wait"
                   % (st, call))
    return why


def listens(pid, port):
    fds = os.listdir("/proc/%d/fd" % pid)
    tcp = tcp_sockets(pid, port)
    for name in fds:
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, name))
        except FileNotFoundError:
            continue
        if target.startswith("socket:[") and tcp.get(int(target[8:-1])) == TCP_LISTEN:
            return True
    return False


def children(pid):
    found = []
    for tid in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
            found += [int(c) for c in f.read().split()]
    return found


def find_server(root, port):
    """The process highest in root's tree that listens on port.  Each
    process's children are read before its sockets: a child forked once it
    listened (nginx's workers, which inherit its socket) must not be taken
    for the server when its sockets were read just before it listened."""
    todo = [root]
    while todo:
        pid = todo.pop(0)
        try:
            below = children(pid)
            if listens(pid, port):
                return pid
            todo += below
        except (FileNotFoundError, ProcessLookupError):
            pass
    return None


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--server":
        pid = find_server(int(sys.argv[2]), int(sys.argv[3]))
        if pid is None:
            return 1
        print(pid)
        return 0
    if len(sys.argv) != 4:
        sys.exit("usage: loop_idle.py PID PORT CONNECTIONS")
    pid, port, want = (int(a) for a in sys.argv[1:])
    try:
        why = why_not_idle(pid, port, want)
    except (FileNotFoundError, ProcessLookupError) as e:
        why = ["process %d: %s" % (pid, e)]
    for w in why:
        print(w)
    return 1 if why else 0


if __name__ == "__main__":
    sys.exit(main())
