#!/usr/bin/env python3
"""load_client.py: drives tests/loops' servers and checks every reply.

    load_client.py --port-file F --proto echo|http -c CONNECTIONS -m MESSAGES
                   [--close-midway K] [--reopen K] [--ready-file R --go-file G]
                   [--done-file D [--hold-file H]] [--quit]

In this order:
 1. opens CONNECTIONS connections to 127.0.0.1 (port: PORTFILE's first
    line) and makes one round trip on each, so that the server has
    accepted and registered every one;
 2. with --ready-file, writes R (its counts so far) and waits until G exists;
 3. sends MESSAGES messages on every connection, one at a time, each
    checked byte for byte; K of the connections (spread among them) close
    after half their messages, and only once the server has closed its side
    too (it saw their end of file); with --reopen, K new connections are
    opened meanwhile and send MESSAGES messages each;
 4. prints its counts; with --done-file writes them to D and, with
    --hold-file, keeps the open connections (idle) until H exists;
 5. closes them; with --quit (echo) sends "quit" on a new connection and
    waits until the server closes it.

Files it writes appear complete (written aside, then renamed); files it waits
for are polled for.  Exits 0 when every reply came and was right, 1 at the
first wrong or missing one, saying which on stderr.

echo: a message is "c<conn> m<i> " and a payload of a size that varies up
to --max-size, then a newline; the reply must be the same bytes.
http: a message is a keep-alive POST /c<conn>/m<i> with such a payload as its
body; the reply must be "HTTP/1.1 200 OK" with a Content-Length and the body
"POST /c<conn>/m<i>\\n" and the payload (what node_http.js answers); a
connection that closes midway says "Connection: close" on its last request,
and the reply must say it too.
"""
import argparse
import asyncio
import os
import sys

POLL = 0.02  # seconds between two looks for a file this client waits for
SIZES = (10, 300, 4000, 70000)


class Failure(Exception):
    pass


class Counts:
    def __init__(self):
        self.opened = 0
        self.closed_midway = 0
        self.reopened = 0
        self.messages = 0
        self.bytes = 0
        self.open_now = 0

    def line(self):
        return ("opened=%d closed_midway=%d reopened=%d messages=%d bytes=%d open=%d"
                % (self.opened, self.closed_midway, self.reopened, self.messages,
                   self.bytes, self.open_now))


def payload(conn, i, max_size):
    size = min(SIZES[(conn + i) % len(SIZES)], max_size)
    unit = b"%d.%d," % (conn, i)
    return (unit * (size // len(unit) + 1))[:size]


def difference(got, want):
    """Where got first differs from want, with the bytes around it."""
    at = next((i for i, (g, w) in enumerate(zip(got, want)) if g != w), min(len(got), len(want)))
    return ("%d bytes, want %d; from byte %d: %r, want %r"
            % (len(got), len(want), at, got[at:at + 24], want[at:at + 24]))


def write_file(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, path)


async def wait_file(path):
    while not os.path.exists(path):
        await asyncio.sleep(POLL)


class Connection:
    def __init__(self, args, counts, conn):
        self.args = args
        self.counts = counts
        self.conn = conn
        self.reader = self.writer = None
        self.sent = 0

    def where(self, i):
        return "connection %d message %d" % (self.conn, i)

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.args.port)
        self.counts.opened += 1
        self.counts.open_now += 1

    async def exchange(self, last=False):
        i = self.sent
        self.sent += 1
        body = payload(self.conn, i, self.args.max_size)
        try:
            if self.args.proto == "echo":
                await self.echo(i, body)
            else:
                await self.http(i, body, last)
        except (OSError, asyncio.IncompleteReadError) as e:
            raise Failure("%s: %s: %s" % (self.where(i), type(e).__name__, e)) from None
        self.counts.messages += 1
        self.counts.bytes += len(body)

    async def echo(self, i, body):
        message = b"c%d m%d %s\n" % (self.conn, i, body)
        self.writer.write(message)
        reply = await self.reader.readexactly(len(message))
        if reply != message:
            raise Failure("%s: wrong echo: %s" % (self.where(i), difference(reply, message)))

    async def http(self, i, body, last):
        path = b"/c%d/m%d" % (self.conn, i)
        head = (b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n%s\r\n"
                % (path, len(body), b"Connection: close\r\n" if last else b""))
        self.writer.write(head + body)
        status = await self.reader.readuntil(b"\r\n")
        if status != b"HTTP/1.1 200 OK\r\n":
            raise Failure("%s: status line %r" % (self.where(i), status))
        headers = {}
        while True:
            line = await self.reader.readuntil(b"\r\n")
            if line == b"\r\n":
                break
            name, sep, value = line.partition(b":")
            if not sep:
                raise Failure("%s: bad header line %r" % (self.where(i), line))
            headers[name.strip().lower()] = value.strip()
        if b"content-length" not in headers:
            raise Failure("%s: no Content-Length: %r" % (self.where(i), headers))
        want = b"POST %s\n%s" % (path, body)
        got = await self.reader.readexactly(int(headers[b"content-length"]))
        if got != want:
            raise Failure("%s: wrong body: %s" % (self.where(i), difference(got, want)))
        connection = headers.get(b"connection", b"").lower()
        if connection != (b"close" if last else b"keep-alive"):
            raise Failure("%s: Connection: %r" % (self.where(i), connection))

    async def close_after_server(self):
        """Closes once the server has closed its side: it has seen our end."""
        try:
            if self.args.proto == "echo":
                self.writer.write_eof()
            rest = await self.reader.read()
        except OSError as e:
            raise Failure("connection %d: closing: %s" % (self.conn, e)) from None
        if rest:
            raise Failure("connection %d: %d unexpected bytes before the end: %r"
                          % (self.conn, len(rest), rest[:60]))
        await self.close()

    async def close(self):
        self.writer.close()
        try:
            await self.writer.wait_closed()
        except OSError:
            pass
        self.counts.open_now -= 1


async def traffic(c, messages, close_midway):
    half = messages // 2
    for n in range(messages):
        last = close_midway and n == half - 1
        await c.exchange(last)
        if last:
            await c.close_after_server()
            c.counts.closed_midway += 1
            return False
    return True


async def gather_all(coroutines):
    """Runs them all; raises the first failure once every one has ended."""
    results = await asyncio.gather(*coroutines, return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return results


async def run(args, counts):
    with open(args.port_file) as f:
        args.port = int(f.readline())
    # Connects a few at a time: a burst of a thousand SYNs overflows the
    # listen backlog, and the lost ones wait seconds for a retransmission.
    gate = asyncio.Semaphore(64)

    async def start(conn):
        c = Connection(args, counts, conn)
        async with gate:
            try:
                await c.open()
            except OSError as e:
                raise Failure("connection %d: connect: %s" % (conn, e)) from None
            await c.exchange()
        return c

    conns = await gather_all(start(n) for n in range(args.connections))
    if args.ready_file:
        write_file(args.ready_file, counts.line() + "\n")
        await wait_file(args.go_file)

    step = args.connections // args.close_midway if args.close_midway else 0
    closing = set(range(0, step * args.close_midway, step)) if step else set()

    async def fresh(conn):
        c = await start(conn)
        counts.reopened += 1
        await traffic(c, args.messages - 1, False)
        return c

    kept = await gather_all(
        [traffic(c, args.messages - 1, c.conn in closing) for c in conns] +
        [fresh(args.connections + n) for n in range(args.reopen)])
    still_open = [c for c, keep in zip(conns, kept) if keep is True]
    still_open += [r for r in kept[len(conns):]]

    print(counts.line(), flush=True)
    if args.done_file:
        write_file(args.done_file, counts.line() + "\n")
        if args.hold_file:
            await wait_file(args.hold_file)
    await gather_all(c.close() for c in still_open)
    if args.quit:
        reader, writer = await asyncio.open_connection("127.0.0.1", args.port)
        writer.write(b"quit\n")
        await reader.read()  # the echo, if any, then the server's close
        writer.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port-file", required=True)
    p.add_argument("--proto", choices=("echo", "http"), default="echo")
    p.add_argument("-c", "--connections", type=int, default=10)
    p.add_argument("-m", "--messages", type=int, default=10,
                   help="messages on each connection, the first round trip included")
    p.add_argument("--max-size", type=int, default=max(SIZES))
    p.add_argument("--close-midway", type=int, default=0, metavar="K")
    p.add_argument("--reopen", type=int, default=0, metavar="K")
    p.add_argument("--ready-file")
    p.add_argument("--go-file")
    p.add_argument("--done-file")
    p.add_argument("--hold-file")
    p.add_argument("--quit", action="store_true")
    args = p.parse_args()
    if args.messages < 2 or args.close_midway > args.connections or \
       bool(args.ready_file) != bool(args.go_file) or (args.hold_file and not args.done_file):
        p.error("bad combination of options")
    counts = Counts()
    try:
        asyncio.run(run(args, counts))
    except Failure as e:
        print("load_client: %s" % e, file=sys.stderr)
        print(counts.line(), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
