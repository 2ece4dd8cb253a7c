#!/usr/bin/env python3
"""memcache_load.py PORT SECONDS CONNECTIONS: bounded load on a memcached at
127.0.0.1:PORT, in its text protocol: CONNECTIONS clients, each in its own
thread, send "set" then "get" of keys of their own, with values of
varying sizes, for SECONDS seconds, and check every reply byte for byte;
the odd ones close their connection and open another every RECONNECT
pairs.  Prints "requests=N errors=E" (then the first error, if any) and
exits 0 when every reply was right."""
import socket
import sys
import threading
import time

SIZES = (5, 200, 3000, 60000)
RECONNECT = 20


def recv_until(sock, buf, end):
    while end not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed by the server")
        buf += chunk
    at = buf.index(end) + len(end)
    return buf[:at], buf[at:]


def worker(port, until, conn, counts, errors, lock):
    done = 0
    i = 0
    try:
        while time.monotonic() < until:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                done += session(sock, until, conn, i)
                i += RECONNECT
    except (OSError, ValueError) as e:
        with lock:
            errors.append("connection %d: %s" % (conn, e))
    with lock:
        counts.append(done)


def session(sock, until, conn, i):
    """Set-get pairs until the time is up, or RECONNECT of them for odd conn."""
    done = 0
    buf = b""
    end = i + RECONNECT if conn % 2 else None
    while time.monotonic() < until and i != end:
        key = b"c%d-k%d" % (conn, i % 50)
        value = (b"%d.%d," % (conn, i) * 20000)[:SIZES[(conn + i) % len(SIZES)]]
        sock.sendall(b"set %s 0 0 %d\r\n%s\r\n" % (key, len(value), value))
        reply, buf = recv_until(sock, buf, b"\r\n")
        if reply != b"STORED\r\n":
            raise ValueError("set %s: %r" % (key, reply[:40]))
        sock.sendall(b"get %s\r\n" % key)
        want = b"VALUE %s 0 %d\r\n%s\r\nEND\r\n" % (key, len(value), value)
        reply, buf = recv_until(sock, buf, b"\r\nEND\r\n")
        if reply != want:
            raise ValueError("get %s: %d bytes, want %d" % (key, len(reply), len(want)))
        done += 2
        i += 1
    return done


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: memcache_load.py PORT SECONDS CONNECTIONS")
    port, seconds, n = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    until = time.monotonic() + seconds
    counts, errors, lock = [], [], threading.Lock()
    threads = [threading.Thread(target=worker, args=(port, until, c, counts, errors, lock))
               for c in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("requests=%d errors=%d" % (sum(counts), len(errors)))
    for e in errors[:1]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
