#!/usr/bin/env python3
"""asyncio_echo.py PORTFILE: a real event loop for the end-to-end tests.

An asyncio TCP echo server (asyncio's selector loop, so epoll) on
127.0.0.1, on a port the kernel picks.  Once it listens it writes the port
to PORTFILE, a line, through a rename, so the file appears complete.  It
echoes every byte each client sends, on as many connections as come,
until it gets SIGTERM or a client sends the line "quit"; then it closes
every connection and exits 0.
"""
import asyncio
import os
import signal
import sys

# The longest line start kept to recognise "quit": longer lines are not it.
LINE_KEPT = 8


class Echo(asyncio.Protocol):
    def __init__(self, server):
        self.server = server
        self.transport = None
        self.line = b""  # the current line so far, None once it is too long

    def connection_made(self, transport):
        self.transport = transport
        self.server.connections.add(self)

    def data_received(self, data):
        self.transport.write(data)
        lines = data.split(b"\n")
        for i, piece in enumerate(lines):
            if self.line is not None:
                self.line += piece
                if len(self.line) > LINE_KEPT:
                    self.line = None
            if i < len(lines) - 1:  # the line ends here
                if self.line == b"quit":
                    self.server.stop.set()
                self.line = b""

    def connection_lost(self, exc):
        self.server.connections.discard(self)


class Server:
    def __init__(self):
        self.connections = set()
        self.stop = asyncio.Event()


async def serve(port_file):
    loop = asyncio.get_running_loop()
    state = Server()
    loop.add_signal_handler(signal.SIGTERM, state.stop.set)
    server = await loop.create_server(lambda: Echo(state), "127.0.0.1", 0,
                                      backlog=1024)
    tmp = port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % server.sockets[0].getsockname()[1])
    os.rename(tmp, port_file)
    await state.stop.wait()
    server.close()
    for conn in list(state.connections):
        conn.transport.close()
    await server.wait_closed()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: asyncio_echo.py PORTFILE")
    sys.exit(asyncio.run(serve(sys.argv[1])))
