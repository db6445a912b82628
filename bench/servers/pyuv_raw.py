"""Raw pyuv echo server: read callback -> write; EOF -> shutdown -> close (as Node's
allowHalfOpen=false socket ends). Usage: pyuv_raw.py PORT; prints `ready PORT`."""

from __future__ import annotations

from _common import port_arg, raise_nofile, ready

from uvnet._vendor import pyuv

raise_nofile()
loop = pyuv.Loop.default_loop()


def on_close(handle):
    pass


def on_shutdown(handle, error):
    handle.close(on_close)


def on_read(handle, data, error):
    if data is not None:
        handle.write(data)
    elif error == pyuv.errno.UV_EOF:
        handle.shutdown(on_shutdown)
    else:
        handle.close(on_close)


def on_connection(server, error):
    if error is not None:
        return
    client = pyuv.TCP(loop)
    server.accept(client)
    client.start_read(on_read)


server = pyuv.TCP(loop)
server.bind(("127.0.0.1", port_arg()))
server.listen(on_connection, 511)
ready(server.getsockname()[1])
loop.run()
