#!/usr/bin/env python3
"""A real event loop for the benchmark: an asyncio echo server.

It listens on 127.0.0.1 (a port the kernel picks), prints the port on its
own line, echoes whatever its one client sends, and exits once that client
hangs up.  Serving a single connection lets the runner time the whole
process, in the same way whether a tracer started it or attached to it.
"""
import asyncio
import sys


class Echo(asyncio.Protocol):
    def __init__(self, finished):
        self.finished = finished
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def connection_lost(self, exc):
        if not self.finished.done():
            self.finished.set_result(exc)


async def serve():
    finished = asyncio.get_running_loop().create_future()
    server = await asyncio.get_running_loop().create_server(
        lambda: Echo(finished), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    error = await finished
    server.close()
    await server.wait_closed()
    if error is not None:
        raise error


if __name__ == "__main__":
    asyncio.run(serve())
