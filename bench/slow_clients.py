#!/usr/bin/env python3
"""Holds N connections open to a web server the way a slow-client attack does:
half send nothing, half send a request head one header line every 2 s and
never finish it. A connection the server closes is opened again at once.
Runs until killed; prints how many times the server let go of one.

    bench/slow_clients.py PORT [N]
"""
import asyncio
import signal
import sys

port = int(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
cut = 0


async def hold(index):
    global cut
    while True:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if index % 2:
                writer.write(b"GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while True:
                if index % 2:
                    writer.write(b"X-Drip: 1\r\n")
                    await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(4096), timeout=2)
                    if not data:
                        break  # closed by the server
                except asyncio.TimeoutError:
                    pass
            writer.close()
        except OSError:
            await asyncio.sleep(0.1)
        cut += 1


async def main():
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    tasks = [asyncio.create_task(hold(i)) for i in range(count)]
    await stop.wait()
    for t in tasks:
        t.cancel()
    print(cut, flush=True)


asyncio.run(main())
